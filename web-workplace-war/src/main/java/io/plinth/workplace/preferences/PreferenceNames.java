package io.plinth.workplace.preferences;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules for user logins and preference keys, the same for REST and gRPC callers. */
final class PreferenceNames {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]{2,64}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]{0,99}");

    private PreferenceNames() {
    }

    static void checkUser(String user) {
        List<FieldError> errors = new ArrayList<>();
        addUserError(user, errors);
        failOn(errors);
    }

    static void check(String user, String key) {
        List<FieldError> errors = new ArrayList<>();
        addUserError(user, errors);
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "must be 1 to 100 characters: lower-case letters, digits, '.', '_' and '-',"
                    + " starting with a letter"));
        }
        failOn(errors);
    }

    private static void addUserError(String user, List<FieldError> errors) {
        if (user == null || !LOGIN.matcher(user).matches()) {
            errors.add(new FieldError("user", "must be 2 to 64 characters: lower-case letters, digits, '.', '_' and '-'"));
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
