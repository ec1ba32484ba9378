package io.plinth.embedded;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.plinth.embedded.Infrastructure.AMQP;
import static io.plinth.embedded.Infrastructure.Mode.AUTO;
import static io.plinth.embedded.Infrastructure.Mode.EMBEDDED;
import static io.plinth.embedded.Infrastructure.Mode.EXTERNAL;
import static io.plinth.embedded.Infrastructure.POSTGRES;
import static io.plinth.embedded.Infrastructure.REDIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which servers are embedded: each one decided on its own, so a partly configured setup works. */
class InfrastructureTest {

    private static final Map<String, String> NOTHING_SET = Map.of();

    @Test
    void nothingConfiguredAndNothingListeningEmbedsAll() {
        for (Infrastructure server : Infrastructure.values()) {
            assertNull(server.externalReason(AUTO, NOTHING_SET, port -> false));
        }
    }

    @Test
    void configuredOrListeningServersStayExternalOnTheirOwn() {
        Map<String, String> env = Map.of("PLINTH_DB_HOST", "db.example.com");
        assertEquals("PLINTH_DB_HOST is set", POSTGRES.externalReason(AUTO, env, port -> false));
        assertEquals("a server answers on localhost:6379", REDIS.externalReason(AUTO, env, port -> port == 6379));
        assertNull(AMQP.externalReason(AUTO, env, port -> port == 6379));
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertNull(AMQP.externalReason(AUTO, Map.of("PLINTH_AMQP_HOST", " "), port -> false));
    }

    @Test
    void flagsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("PLINTH_REDIS_PORT", "6380");
        assertNull(REDIS.externalReason(EMBEDDED, env, port -> true));
        assertEquals("--external", REDIS.externalReason(EXTERNAL, NOTHING_SET, port -> false));
    }
}
