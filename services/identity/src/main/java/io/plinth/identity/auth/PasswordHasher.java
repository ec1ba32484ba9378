package io.plinth.identity.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB memory, 2 iterations, 1 lane), in the PHC
 * string format, which records the parameters so they can be raised later without a migration.
 */
final class PasswordHasher {

    private static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Verified against when the user does not exist, so both answers take as long. */
    private static final String DECOY = ARGON2.encode("decoy password that matches nothing");

    private PasswordHasher() {
    }

    static String hash(String password) {
        return ARGON2.encode(password);
    }

    static boolean matches(String password, String hash) {
        return ARGON2.matches(password, hash == null ? DECOY : hash);
    }
}
