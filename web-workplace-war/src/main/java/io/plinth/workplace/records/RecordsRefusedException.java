package io.plinth.workplace.records;

import io.plinth.web.api.ApiAnswer;
import java.util.List;

/**
 * A service answered with a problem the user can act on: invalid values (with field paths), a
 * record someone changed meanwhile, one that is gone or not theirs to see, an operation not allowed.
 */
public class RecordsRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String detail;
    private final List<ApiAnswer.FieldProblem> errors;

    RecordsRefusedException(ApiAnswer answer) {
        super("HTTP " + answer.status() + " " + answer.code() + ": " + answer.detail());
        this.status = answer.status();
        this.code = answer.code();
        this.detail = answer.detail();
        this.errors = List.copyOf(answer.errors());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<ApiAnswer.FieldProblem> errors() {
        return errors;
    }

    /** Someone saved the record since it was read (a stale version or ETag): reload, then change it. */
    public boolean isStaleEdit() {
        return status == 412 || status == 409 && ("version-conflict".equals(code) || "concurrent-change".equals(code));
    }

    /** The app, type or record does not exist, or the user's rules do not let them see it. */
    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isForbidden() {
        return status == 403;
    }
}
