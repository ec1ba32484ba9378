package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a failed publication takes catalogs back to the base version. */
class PublisherTest {

    private static ParticipantException answered(int status) {
        return new ParticipantException("catalogs", status, "x", "y", List.of());
    }

    @Test
    void afterCatalogsAcknowledgedEveryFailureIsUndone() {
        assertThat(Publisher.catalogsMayHoldTarget("freeze", new IllegalStateException("database gone"))).isTrue();
        assertThat(Publisher.catalogsMayHoldTarget("activate", new PublicationFailure("active version changed")))
                .isTrue();
    }

    @Test
    void applyingThatMayHaveHappenedIsUndoneARefusalIsNot() {
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", ParticipantException.unreachable("catalogs",
                "no answer within 180 s"))).as("no answer: maybe applied").isTrue();
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", answered(502))).isTrue();
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", new IllegalStateException("recording failed")))
                .as("acknowledged, then recording it failed").isTrue();
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", answered(409))).isFalse();
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", answered(401))).isFalse();
        assertThat(Publisher.catalogsMayHoldTarget("catalogs.apply", new PublicationFailure("needs a person")))
                .isFalse();
    }

    @Test
    void beforeApplyingNothingIsUndone() {
        for (String step : List.of("validate", "diff", "catalogs.plan")) {
            assertThat(Publisher.catalogsMayHoldTarget(step, answered(502))).as(step).isFalse();
        }
    }
}
