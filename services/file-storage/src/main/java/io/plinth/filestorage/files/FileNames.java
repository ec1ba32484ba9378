package io.plinth.filestorage.files;

import io.plinth.kernel.problem.ProblemException;
import java.nio.charset.StandardCharsets;

/** The rules for file names, and how a name travels safely in a {@code Content-Disposition} header. */
final class FileNames {

    static final int MAX_CHARS = 255;

    private FileNames() {
    }

    /** The name, stripped of surrounding blanks, or a 400 problem on the {@code name} parameter. */
    static String checked(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.invalid("name", "is required: pass the file name as the query parameter 'name'");
        }
        if (stripped.length() > MAX_CHARS) {
            throw ProblemException.invalid("name", "must be at most " + MAX_CHARS + " characters");
        }
        if (stripped.indexOf('/') >= 0 || stripped.indexOf('\\') >= 0) {
            throw ProblemException.invalid("name", "must not contain '/' or '\\'");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("name", "must not contain control characters");
        }
        return stripped;
    }

    /**
     * {@code attachment} with an ASCII fallback name for old clients and the exact name in RFC 8187
     * form ({@code filename*=UTF-8''...}), so no name can break out of the header.
     */
    static String attachment(String name) {
        StringBuilder fallback = new StringBuilder(name.length());
        name.chars().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder(name.length() * 3);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    /** RFC 8187 attr-char: the bytes that may appear unencoded in an extended parameter value. */
    private static boolean isAttrChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
