package io.plinth.kernel.rest;

import io.plinth.kernel.problem.ProblemException;

/**
 * Query parameters read strictly: JAX-RS would turn {@code ?flag=yes} into false and
 * {@code ?version=x} into a 404, where a client deserves a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code true} or {@code false}; {@code absent} when the parameter is not given. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** A whole number from {@code min} to {@code max}; null when the parameter is not given. */
    public static Long wholeNumber(String name, String value, long min, long max) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, max == Long.MAX_VALUE ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max);
    }
}
