package io.plinth.viewservice.apps;

import io.plinth.kernel.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Reading the small parts of requests the app API shares: draft revisions and their ETags. */
final class Requests {

    private Requests() {
    }

    static EntityTag etag(long draftRevision) {
        return new EntityTag(Long.toString(draftRevision));
    }

    /**
     * The draft revision an {@code If-Match} header names ({@code "7"} or {@code W/"7"}); null
     * without the header or with {@code *}.
     */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of the draft, such as \"7\"");
        }
    }

    static Long revision(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("revision", "must be a draft revision number");
        }
    }
}
