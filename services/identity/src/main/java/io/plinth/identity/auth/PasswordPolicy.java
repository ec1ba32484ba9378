package io.plinth.identity.auth;

import io.plinth.kernel.problem.ProblemException;
import java.util.Locale;

/**
 * What a password must be: at least {@code plinth.identity.password-min-length} characters (NIST
 * SP 800-63B favours length over composition rules), at most 256 (hashing cost), not the login,
 * and not one character repeated.
 */
final class PasswordPolicy {

    static final int MAX_LENGTH = 256;

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    void check(String field, String login, String password) {
        if (password == null || password.length() < minLength) {
            throw ProblemException.invalid(field, "must be at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 4) {
            throw ProblemException.invalid(field, "must not be one or a few characters repeated");
        }
        if (login != null && password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(field, "must not contain the login");
        }
    }
}
