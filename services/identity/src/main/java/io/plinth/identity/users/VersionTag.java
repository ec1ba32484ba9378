package io.plinth.identity.users;

import io.plinth.kernel.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user's version as an HTTP entity tag: {@code ETag: "3"} in answers, {@code If-Match: "3"} in changes. */
final class VersionTag {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([0-9]{1,18})\"\\s*");

    private VersionTag() {
    }

    static EntityTag of(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** The version {@code If-Match} asks for, or null when the header is absent or {@code *}. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher tag = TAG.matcher(header);
        if (!tag.matches()) {
            throw ProblemException.invalid("If-Match", "must be one entity tag such as \"3\", as an ETag header gave it");
        }
        return Long.parseLong(tag.group(1));
    }
}
