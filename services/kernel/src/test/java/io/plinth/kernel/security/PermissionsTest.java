package io.plinth.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void aStarAloneGrantsEverything() {
        assertThat(Permissions.grants(List.of("*"), "catalogs:app.orders:read")).isTrue();
    }

    @Test
    void aTrailingStarGrantsEveryDeeperPermission() {
        assertThat(Permissions.grants(List.of("identity:*"), "identity:users:write")).isTrue();
        assertThat(Permissions.grants(List.of("identity:*"), "catalogs:users:write")).isFalse();
    }

    @Test
    void aStarInTheMiddleMatchesExactlyOneSegment() {
        assertThat(Permissions.grants(List.of("catalogs:*:read"), "catalogs:app.orders:read")).isTrue();
        assertThat(Permissions.grants(List.of("catalogs:*:read"), "catalogs:app.orders:write")).isFalse();
        assertThat(Permissions.grants(List.of("catalogs:*:read"), "catalogs:app.orders:read:all")).isFalse();
    }

    @Test
    void anExactPatternGrantsOnlyItself() {
        assertThat(Permissions.grants(List.of("identity:users:read"), "identity:users:read")).isTrue();
        assertThat(Permissions.grants(List.of("identity:users:read"), "identity:users:readx")).isFalse();
        assertThat(Permissions.grants(List.of("identity:users"), "identity:users:read")).isFalse();
        assertThat(Permissions.grants(List.of(), "identity:users:read")).isFalse();
    }

    @Test
    void namesAndPatternsHaveASyntax() {
        assertThat(Permissions.isName("catalogs:app.orders:read")).isTrue();
        assertThat(Permissions.isName("Catalogs:x")).isFalse();
        assertThat(Permissions.isName("catalogs")).isFalse();
        assertThat(Permissions.isName("catalogs:*")).isFalse();
        assertThat(Permissions.isPattern("*")).isTrue();
        assertThat(Permissions.isPattern("view-service:*")).isTrue();
        assertThat(Permissions.isPattern("catalogs:*:read")).isTrue();
        assertThat(Permissions.isPattern("catalogs:a*:read")).isFalse();
        assertThat(Permissions.isPattern("x' OR 1=1")).isFalse();
        assertThat(Permissions.isPattern("a:b:c:d:e:f")).isFalse();
    }
}
