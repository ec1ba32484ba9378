package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublicationTest {

    private static Publication publication() {
        return new Publication(UUID.randomUUID(), Publication.PUBLISH, 1, 7L, null, null,
                Json.createObjectBuilder().add("key", "shop").add("name", "Shop").build(), false, "alice");
    }

    private static List<String> steps(Publication publication) {
        return publication.steps().stream().map(s -> s.name() + ":" + s.status()).toList();
    }

    @Test
    void aPublicationStartsValidatingAtItsFirstStep() {
        Publication publication = publication();

        assertThat(publication.status()).isEqualTo(Publication.VALIDATING);
        assertThat(publication.running()).isTrue();
        assertThat(publication.step()).isEqualTo("validate");
        assertThat(steps(publication)).containsExactly("validate:running", "diff:pending", "catalogs.plan:pending",
                "catalogs.apply:pending", "freeze:pending", "activate:pending");
        assertThat(publication.steps()).extracting(PublicationStep::participant).containsExactly("view-service",
                "view-service", "catalogs", "catalogs", "view-service", "view-service");
        assertThat(publication.confirmDataLoss()).isFalse();
    }

    @Test
    void stepsRunInOrderUntilActive() {
        Publication publication = publication();
        publication.stepDone(Publication.VALIDATE, PublicationStep.DONE, null);
        publication.stepDone(Publication.DIFF, PublicationStep.DONE, "3 changes");
        publication.planned(Json.createObjectBuilder().build());
        assertThat(publication.status()).as("planning changes nothing yet").isEqualTo(Publication.VALIDATING);
        publication.applying(Json.createObjectBuilder().add("participants", 2).build());
        publication.stepDone(Publication.CATALOGS_PLAN, PublicationStep.DONE, "2 steps from version 1 to version 2");
        assertThat(publication.status()).isEqualTo(Publication.APPLYING);
        assertThat(publication.plan()).isEqualTo("{\"participants\":2}");
        assertThat(publication.step()).isEqualTo("catalogs.apply");
        publication.stepDone(Publication.CATALOGS_APPLY, PublicationStep.DONE, "catalogs applied version 2 in 2 steps");
        publication.stepDone(Publication.FREEZE, PublicationStep.DONE, "version 2");
        publication.frozen(2);
        publication.stepDone(Publication.ACTIVATE, PublicationStep.DONE, "version 2 is active");
        publication.activated();

        assertThat(publication.status()).isEqualTo(Publication.ACTIVE);
        assertThat(publication.running()).isFalse();
        assertThat(publication.version()).isEqualTo(2);
        assertThat(publication.finishedAt()).isNotNull();
        assertThat(steps(publication)).containsExactly("validate:done", "diff:done", "catalogs.plan:done",
                "catalogs.apply:done", "freeze:done", "activate:done");
    }

    @Test
    void aFailureNamesItsStepAndSkipsTheRest() {
        Publication publication = publication();
        publication.stepDone(Publication.VALIDATE, PublicationStep.DONE, null);

        publication.fail(Publication.DIFF, "the active version changed", List.of(new FieldError("types", "x")));

        assertThat(publication.status()).isEqualTo(Publication.FAILED);
        assertThat(publication.step()).isEqualTo("diff");
        assertThat(publication.reason()).isEqualTo("the active version changed");
        assertThat(publication.errors()).isEqualTo("[{\"field\":\"types\",\"message\":\"x\"}]");
        assertThat(steps(publication)).containsExactly("validate:done", "diff:failed", "catalogs.plan:skipped",
                "catalogs.apply:skipped", "freeze:skipped", "activate:skipped");
    }

    @Test
    void anUndoAfterALaterFailureIsAStepOfItsOwnAfterTheOthers() {
        Publication publication = publication();
        for (String step : List.of("validate", "diff", "catalogs.plan", "catalogs.apply")) {
            publication.stepDone(step, PublicationStep.DONE, null);
        }
        assertThat(publication.step()).isEqualTo("freeze");

        publication.stepAdded(Publication.CATALOGS_UNDO, Publication.CATALOGS);
        assertThat(publication.step()).isEqualTo("catalogs.undo");
        publication.addedStepDone(Publication.CATALOGS_UNDO, PublicationStep.DONE, "catalogs went back to version 1");
        publication.fail(Publication.FREEZE, "database gone; catalogs went back to version 1", null);

        assertThat(publication.step()).isEqualTo("freeze");
        assertThat(publication.status()).isEqualTo(Publication.FAILED);
        assertThat(steps(publication)).containsExactly("validate:done", "diff:done", "catalogs.plan:done",
                "catalogs.apply:done", "freeze:failed", "activate:skipped", "catalogs.undo:done");
        assertThat(publication.steps().get(6).participant()).isEqualTo("catalogs");
        assertThat(publication.steps().get(6).detail()).isEqualTo("catalogs went back to version 1");
    }

    @Test
    void anUnknownStepIsAnError() {
        assertThatThrownBy(() -> publication().stepDone("deploy", PublicationStep.DONE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no step deploy");
    }

    @Test
    void nothingToChangeEndsActiveOnTheBaseVersion() {
        Publication publication = publication();
        publication.stepDone(Publication.VALIDATE, PublicationStep.DONE, null);
        publication.stepDone(Publication.DIFF, PublicationStep.DONE, "0 changes");

        publication.unchanged();

        assertThat(publication.status()).isEqualTo(Publication.ACTIVE);
        assertThat(publication.isUnchanged()).isTrue();
        assertThat(publication.version()).isEqualTo(1);
        assertThat(steps(publication)).containsExactly("validate:done", "diff:done", "catalogs.plan:skipped",
                "catalogs.apply:skipped", "freeze:skipped", "activate:skipped");
    }

    @Test
    void longReasonsAreClipped() {
        assertThat(Publication.clip("x".repeat(5000))).hasSize(2000).endsWith("...");
        assertThat(Publication.clip("short")).isEqualTo("short");
    }
}
