package io.plinth.kernel.rest;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Validated {@code offset}/{@code limit} query parameters. */
public record PageRequest(int offset, int limit) {

    public static PageRequest of(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? Page.DEFAULT_LIMIT : limit;
        List<FieldError> errors = new ArrayList<>();
        if (o < 0) {
            errors.add(new FieldError("offset", "must be 0 or more"));
        }
        if (l < 1 || l > Page.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + Page.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(o, l);
    }
}
