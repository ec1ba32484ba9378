package io.plinth.kernel.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventActorTest {

    @Test
    void theActorTravelsWithItsPermissions() {
        Caller ann = new Caller("6f1c", "ann", Set.of("sales"), Set.of("north"), Set.of("catalogs:*:read"), null,
                "session", "jti", Instant.now());
        var envelope = Json.createObjectBuilder().add("actor", EventActor.toJson(ann)).build();

        Caller actor = EventActor.fromJson(envelope);

        assertThat(actor.login()).isEqualTo("ann");
        assertThat(actor.groups()).containsExactly("north");
        assertThat(actor.may("catalogs:app.orders:read")).isTrue();
        assertThat(actor.may("catalogs:app.orders:write")).isFalse();
    }

    @Test
    void systemEventsHaveNoActor() {
        assertThat(EventActor.fromJson(Json.createObjectBuilder().build())).isNull();
    }
}
