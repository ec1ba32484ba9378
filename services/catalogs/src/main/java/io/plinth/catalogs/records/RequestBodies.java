package io.plinth.catalogs.records;

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

/** Request bodies of the records API: one JSON object, read no further than its size limit. */
final class RequestBodies {

    /** One record: room for a json field of {@code FieldValues.MAX_JSON} characters and the rest. */
    static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;
    /** A bulk request of up to 500 operations. */
    static final int MAX_BULK_BYTES = 32 * 1024 * 1024;

    private RequestBodies() {
    }

    /** The body's JSON object; 413 {@code body-too-large} beyond {@code maxBytes}, 400 {@code malformed-body} if not one object. */
    static JsonObject read(InputStream body, int maxBytes) {
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
        try {
            return object(bytes);
        } catch (NotAnObject e) {
            throw new ProblemException(Problem.of(400, "malformed-body", "The request body could not be read",
                    "The body " + e.getMessage()));
        }
    }

    /** A JSON object sent as text (gRPC); 400 {@code validation-failed} at {@code path} when it is none or too large. */
    static JsonObject parse(String text, int maxBytes, String path) {
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
