package io.plinth.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInRoutesTest {

    @Test
    void onlyTheSignInPageResourcesHealthAndErrorPagesArePublic() {
        assertThat(SignInRoutes.isPublic("/signin.xhtml")).isTrue();
        assertThat(SignInRoutes.isPublic("/jakarta.faces.resource/theme.css.xhtml")).isTrue();
        assertThat(SignInRoutes.isPublic("/hc")).isTrue();
        assertThat(SignInRoutes.isPublic("/liveness")).isTrue();
        assertThat(SignInRoutes.isPublic("/expired")).isTrue();
        assertThat(SignInRoutes.isPublic("/error.xhtml")).isTrue();
        assertThat(SignInRoutes.isPublic("/api/preferences/layout")).isTrue();

        assertThat(SignInRoutes.isPublic("/")).isFalse();
        assertThat(SignInRoutes.isPublic("/apps.xhtml")).isFalse();
        assertThat(SignInRoutes.isPublic("/index.xhtml")).isFalse();
        assertThat(SignInRoutes.isPublic("/api")).isFalse();
        assertThat(SignInRoutes.isPublic("/signin.xhtml/../apps.xhtml")).isFalse();
        assertThat(SignInRoutes.isPublic("/hc/x")).isFalse();
    }

    @Test
    void afterSigningInTheBrowserGoesOnlyToAPageOfTheWorkplace() {
        assertThat(SignInRoutes.safeTarget("/index.xhtml")).isEqualTo("/index.xhtml");
        assertThat(SignInRoutes.safeTarget("/apps.xhtml?q=orders&x=1")).isEqualTo("/apps.xhtml?q=orders&x=1");

        assertThat(SignInRoutes.safeTarget(null)).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("//evil.example/")).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("/\\evil.example")).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("https://evil.example/")).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("apps.xhtml")).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("/apps.xhtml\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(SignInRoutes.safeTarget("/" + "a".repeat(2000))).isEqualTo("/");
    }

    @Test
    void theSignInPathCarriesAKnownReasonAndAnEncodedTarget() {
        assertThat(SignInRoutes.signInPath(null, null)).isEqualTo("/signin.xhtml");
        assertThat(SignInRoutes.signInPath(SignInRoutes.EXPIRED, "/")).isEqualTo("/signin.xhtml?reason=expired");
        assertThat(SignInRoutes.signInPath(SignInRoutes.EXPIRED, "/apps.xhtml?q=a b&c=d"))
                .isEqualTo("/signin.xhtml?reason=expired&next=%2Fapps.xhtml%3Fq%3Da+b%26c%3Dd");
        assertThat(SignInRoutes.signInPath(null, "/apps.xhtml")).isEqualTo("/signin.xhtml?next=%2Fapps.xhtml");

        assertThat(SignInRoutes.knownReason("expired")).isEqualTo("expired");
        assertThat(SignInRoutes.knownReason("<script>")).isNull();
        assertThat(SignInRoutes.knownReason(null)).isNull();
    }
}
