package io.plinth.studio.apps;

import io.plinth.web.api.ApiAnswer;
import java.util.List;

/** view-service refused a request (a 4xx problem): its status, code, explanation and field problems. */
public class RefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiAnswer answer;

    public RefusedException(ApiAnswer answer) {
        super("HTTP " + answer.status() + " " + answer.code() + ": " + answer.detail());
        this.answer = answer;
    }

    public int status() {
        return answer.status();
    }

    public String code() {
        return answer.code();
    }

    public String detail() {
        return answer.detail();
    }

    public List<ApiAnswer.FieldProblem> errors() {
        return answer.errors();
    }
}
