package io.plinth.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void theSchemeIsMatchedInAnyCaseAndOnlyTheTokenIsKept() {
        assertThat(BearerToken.in("Bearer abc.def")).contains("abc.def");
        assertThat(BearerToken.in("bEaReR abc")).contains("abc");
    }

    @Test
    void otherSchemesAndABareTokenHaveNoBearerToken() {
        assertThat(BearerToken.in("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(BearerToken.in("abc.def")).isEmpty();
        assertThat(BearerToken.in("Bearer")).isEmpty();
    }
}
