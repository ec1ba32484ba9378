package io.plinth.identity.access;

/**
 * How the key of a group or a role looks (access tokens carry these keys): 2 to 63 characters,
 * lower-case letters, digits, '_' and '-', a letter first.
 */
public final class AccessKey {

    public static final String PATTERN = "[a-z][a-z0-9_-]{1,62}";
    public static final String MESSAGE =
            "must be 2 to 63 characters: lower-case letters, digits, '_' and '-', starting with a letter";

    private AccessKey() {
    }
}
