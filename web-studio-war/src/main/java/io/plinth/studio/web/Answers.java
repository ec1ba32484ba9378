package io.plinth.studio.web;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading the services' answers the same way on every page: a 5xx is a service in trouble (as
 * good as absent), any other refusal a {@link RefusedException} the page explains; optional
 * members of an answer read as null.
 */
public final class Answers {

    private Answers() {
    }

    public static ApiAnswer checked(String service, ApiAnswer answer) throws ServiceUnavailableException, RefusedException {
        if (answer.status() >= 500) {
            throw new ServiceUnavailableException(service + " answered HTTP " + answer.status() + " " + answer.code());
        }
        if (!answer.ok()) {
            throw new RefusedException(answer);
        }
        return answer;
    }

    /** Reads an answer into the page's terms; throws IllegalArgumentException (or the like) when it does not fit. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws ServiceUnavailableException, RefusedException;
    }

    /** An answer of the wrong shape is a service not to be relied on: as good as absent. */
    public static <T> T read(String service, Reading<T> reading) throws ServiceUnavailableException, RefusedException {
        try {
            return reading.read();
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new ServiceUnavailableException(service + "'s answer is not what the studio expects: " + e);
        }
    }

    public static String text(JsonObject json, String member) {
        return json.get(member) instanceof JsonString value ? value.getString() : null;
    }

    public static Integer integer(JsonObject json, String member) {
        return json.get(member) instanceof JsonNumber value ? value.intValue() : null;
    }

    public static long whole(JsonObject json, String member) {
        return json.get(member) instanceof JsonNumber value ? value.longValue() : 0;
    }

    public static boolean flag(JsonObject json, String member) {
        return json.get(member) == JsonValue.TRUE;
    }

    /** An ISO-8601 time, or null when absent or not one. */
    public static OffsetDateTime time(JsonObject json, String member) {
        String value = text(json, member);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A path segment or query value, spaces as {@code %20}. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
