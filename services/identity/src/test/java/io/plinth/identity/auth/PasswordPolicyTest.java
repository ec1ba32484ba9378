package io.plinth.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void aLongPassphraseIsAccepted() {
        assertThatCode(() -> policy.check("password", "ann", "correct horse battery staple")).doesNotThrowAnyException();
    }

    @Test
    void shortRepeatedOversizedOrLoginContainingPasswordsAreRefusedOnTheirField() {
        assertRefused("Short1!", "at least 12");
        assertRefused("aaaaaaaaaaaaaaaa", "repeated");
        assertRefused("x".repeat(10) + "yz12".repeat(70), "at most 256");
        assertRefused("my-ANN-password-2026", "login");
    }

    @Test
    void hashesVerifyOnlyTheirOwnPassword() {
        String hash = PasswordHasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(PasswordHasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(PasswordHasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(PasswordHasher.matches("anything", null)).isFalse();
    }

    private void assertRefused(String password, String message) {
        assertThatThrownBy(() -> policy.check("password", "ann", password))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("password");
                        assertThat(error.message()).contains(message);
                    });
                });
    }
}
