package io.plinth.kernel.rest;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * Bodies that are one JSON object read as {@link JsonObject} (where a record class does not fit,
 * e.g. an app model or a record of app-defined fields), never read past their size limit.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The request body's object: 413 {@code body-too-large} beyond {@code maxBytes} (found without
     * reading further), 400 {@code malformed-body} when it is empty, not JSON or not one object.
     */
    public static JsonObject read(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(Problem.of(413, "body-too-large", "The body is too large",
                    "The body may be at most " + maxBytes + " bytes of JSON"));
        }
        if (bytes.length == 0) {
            throw malformed("A JSON object is required as the body");
        }
        try {
            return object(bytes);
        } catch (NotAnObject e) {
            throw malformed("The body " + e.getMessage());
        }
    }

    /** An object sent as text inside another message (gRPC): 400 {@code validation-failed} at {@code path}. */
    public static JsonObject parse(String text, int maxBytes, String path) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw ProblemException.invalid(path, "may be at most " + maxBytes + " bytes of JSON");
        }
        try {
            return object(bytes);
        } catch (NotAnObject e) {
            throw ProblemException.invalid(path, e.getMessage());
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "The request body could not be read", detail));
    }

    private static JsonObject object(byte[] bytes) throws NotAnObject {
        JsonValue value;
        try (JsonParser parser = Json.createParser(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new NotAnObject("holds more than one JSON value");
            }
        } catch (JsonParsingException e) {
            throw new NotAnObject("is not valid JSON (line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException | NoSuchElementException e) {
            throw new NotAnObject("must be a JSON object");
        }
        if (!(value instanceof JsonObject object)) {
            throw new NotAnObject("must be a JSON object");
        }
        return object;
    }

    /** Why some bytes are not one JSON object, worded to follow "The body" or a field path. */
    private static final class NotAnObject extends Exception {
        NotAnObject(String reason) {
            super(reason, null, false, false);
        }
    }
}
