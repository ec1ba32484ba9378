package io.plinth.workplace.preferences;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A preference's value: any JSON value of at most {@link #MAX_BYTES} bytes that PostgreSQL's
 * jsonb can hold and that reads back. Checked here so a bad value is a 400, never a failed SQL
 * statement or a stored value that cannot be shown.
 */
public record PreferenceValue(String json) {

    public static final int MAX_BYTES = 65536;

    /** The JSON parser's own nesting limit, quoted in error messages. */
    private static final int MAX_DEPTH = 1000;

    /**
     * jsonb writes numbers out in full ({@code 1e50} comes back as 51 digits), and the JSON parser
     * reads numbers of at most 1100 characters: a longer number could be stored but not read back.
     */
    private static final int MAX_NUMBER_DIGITS = 1000;

    /** Reads a request body, never more than one byte past the limit. */
    public static PreferenceValue read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "A preference value is at most " + MAX_BYTES + " bytes of JSON"));
        }
        return parse(decode(bytes));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not UTF-8 text");
        }
    }

    private static PreferenceValue parse(String text) {
        if (text.isBlank()) {
            throw ProblemException.invalid("value", "a JSON body is required");
        }
        JsonValue value;
        boolean more;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            more = parser.hasNext();
        } catch (RuntimeException e) {
            // Parsson reports syntax errors as JsonException, its size limits as other runtime exceptions.
            throw malformed("The body is not one valid JSON value within the limits (nesting at most "
                    + MAX_DEPTH + " deep, numbers of at most " + MAX_NUMBER_DIGITS + " digits)");
        }
        if (more) {
            throw malformed("The body holds more than one JSON value");
        }
        checkStorable(value, "value");
        return new PreferenceValue(value.toString());
    }

    private static void checkStorable(JsonValue value, String path) {
        switch (value.getValueType()) {
            case STRING -> checkText(((JsonString) value).getString(), path);
            case NUMBER -> checkNumber(((JsonNumber) value).bigDecimalValue(), path);
            case OBJECT -> ((JsonObject) value).forEach((name, member) -> {
                checkText(name, path);
                checkStorable(member, path + "." + name);
            });
            case ARRAY -> {
                var array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    checkStorable(array.get(i), path + "[" + i + "]");
                }
            }
            default -> {
                // true, false and null are always storable.
            }
        }
    }

    private static void checkText(String text, String path) {
        if (text.indexOf('\u0000') >= 0) {
            throw ProblemException.invalid(path, "must not contain the NUL character (\\u0000)");
        }
    }

    /** Counts the digits jsonb will write, without writing them: {@code 1e999999999} is short to send. */
    private static void checkNumber(BigDecimal number, String path) {
        long integerDigits = Math.max((long) number.precision() - number.scale(), 1);
        long fractionDigits = Math.max(number.scale(), 0);
        if (integerDigits + fractionDigits > MAX_NUMBER_DIGITS) {
            throw ProblemException.invalid(path, "must be a number of at most " + MAX_NUMBER_DIGITS
                    + " digits when written out in full");
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "The request body could not be read", detail));
    }
}
