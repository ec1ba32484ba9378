package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** catalogs' part of publishing against a scripted catalogs: what is asked, in which order, and what comes of it. */
class CatalogsParticipantTest {

    private static final Credentials ALICE = Credentials.of("token-of-alice", Instant.now().plusSeconds(300));

    /** A catalogs that answers from a script and remembers what it was asked. */
    static final class ScriptedCatalogs implements CatalogsSchema {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        final List<JsonObject> requests = new ArrayList<>();

        ScriptedCatalogs then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public JsonObject plan(String app, JsonObject request, Credentials credentials) {
            return answer("plan " + app, request, credentials);
        }

        @Override
        public JsonObject apply(String app, JsonObject request, Credentials credentials) {
            return answer("apply " + app + " v" + request.getInt("version"), request, credentials);
        }

        @Override
        public JsonObject remove(String app, int version, boolean confirmDataLoss, Credentials credentials) {
            return answer("remove " + app + " v" + version + (confirmDataLoss ? " confirmed" : ""),
                    JsonValue.EMPTY_JSON_OBJECT, credentials);
        }

        private JsonObject answer(String call, JsonObject request, Credentials credentials) {
            credentials.authorization("catalogs", java.time.Clock.systemUTC());
            calls.add(call);
            requests.add(request);
            Object answer = answers.remove();
            if (answer instanceof ParticipantException e) {
                throw e;
            }
            return (JsonObject) answer;
        }
    }

    private static JsonObject json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static JsonObject plan(Integer from, int to, int steps) {
        var list = Json.createArrayBuilder();
        for (int i = 0; i < steps; i++) {
            list.add(Json.createObjectBuilder().add("kind", "add-field").add("description", "step " + i)
                    .add("dataLoss", false));
        }
        var plan = Json.createObjectBuilder().add("app", "shop").add("toVersion", to).add("dataLoss", false)
                .add("steps", list);
        return (from == null ? plan.addNull("fromVersion") : plan.add("fromVersion", from)).build();
    }

    private static ParticipantException refusal(int status, String code, String detail) {
        return new ParticipantException("catalogs", status, code, detail, List.of(new FieldError("types[0].fields[1].type",
                "boolean cannot become date")));
    }

    private static final JsonObject V1 = json("""
            {'key': 'shop', 'name': 'Shop', 'types': [
              {'key': 'customer', 'fields': [{'key': 'fullname', 'previousKey': 'name', 'type': 'text'}]},
              {'key': 'tag'}]}""");
    private static final JsonObject V2 = json("""
            {'key': 'shop', 'name': 'Shop', 'forms': [], 'types': [
              {'key': 'customer', 'fields': [{'key': 'full_name', 'previousKey': 'fullname', 'type': 'text'},
                                             {'key': 'since', 'type': 'date'}]},
              {'key': 'tag'}]}""");

    private static CatalogsParticipant.Target target(Integer base, JsonObject baseModel, boolean confirm) {
        return new CatalogsParticipant.Target("shop", base == null ? 1 : base + 1, base, baseModel, V2, confirm, ALICE);
    }

    @Test
    void catalogsPlansTheTypesOfTheNewVersionThenAppliesThemFromTheVersionItPlannedFrom() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 2, 3)).then(plan(1, 2, 3));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        CatalogsParticipant.Planned planned = participant.plan(target(1, V1, false));
        CatalogsParticipant.Applied applied = participant.apply(target(1, V1, false), planned);

        assertThat(catalogs.calls).containsExactly("plan shop", "apply shop v2");
        assertThat(catalogs.requests.get(0)).as("the model, its types as catalogs reads them, no rules as none")
                .isEqualTo(json("""
                {'key': 'shop', 'name': 'Shop', 'forms': [], 'access': [], 'version': 2, 'types': [
                  {'key': 'customer', 'fields': [{'key': 'full_name', 'previousKey': 'fullname', 'type': 'text'},
                                                 {'key': 'since', 'type': 'date'}]},
                  {'key': 'tag', 'fields': []}]}"""));
        assertThat(catalogs.requests.get(1)).isEqualTo(Json.createObjectBuilder(catalogs.requests.get(0))
                .add("fromVersion", 1).build());
        assertThat(catalogs.requests.get(1).containsKey("confirmDataLoss")).as("only when the publish says so").isFalse();
        assertThat(planned.detail()).isEqualTo("3 steps from version 1 to version 2");
        assertThat(applied.replanned()).isNull();
        assertThat(applied.detail()).isEqualTo("catalogs applied version 2 in 3 steps");
    }

    @Test
    void theModelsAccessRulesGoAlong() {
        JsonObject withRules = Json.createObjectBuilder(V2).add("roles", json("{'r': [{'key': 'clerk'}]}").get("r"))
                .add("access", json("{'a': [{'role': 'clerk', 'type': 'tag', 'operations': ['read']}]}").get("a")).build();
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 2, 0));

        new CatalogsParticipant(catalogs).plan(new CatalogsParticipant.Target("shop", 2, 1, V1, withRules, false, ALICE));

        assertThat(catalogs.requests.get(0).get("access")).isEqualTo(withRules.get("access"));
        assertThat(catalogs.requests.get(0).get("roles")).isEqualTo(withRules.get("roles"));
    }

    @Test
    void dataLossIsConfirmedOnlyWhenThePublicationConfirmsIt() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(null, 1, 1)).then(plan(null, 1, 1));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        participant.apply(target(null, null, true), participant.plan(target(null, null, true)));

        assertThat(catalogs.requests.get(1).getBoolean("confirmDataLoss")).isTrue();
        assertThat(catalogs.requests.get(1).containsKey("fromVersion")).as("nothing to plan from").isFalse();
    }

    @Test
    void aRefusalOfThePlanIsCatalogsProblemWithItsPaths() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(refusal(409, "schema-change-refused",
                "1 field cannot change its type"));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        assertThatThrownBy(() -> participant.plan(target(1, V1, false)))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.refused()).isTrue();
                    assertThat(e.reason()).isEqualTo("catalogs answered 409 schema-change-refused: 1 field cannot"
                            + " change its type");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("types[0].fields[1].type");
                });
        assertThat(catalogs.calls).containsExactly("plan shop");
    }

    @Test
    void aRefusedDataLossTellsHowToAcceptIt() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 2, 1))
                .then(refusal(409, "data-loss-not-confirmed", "1 step(s) would destroy stored data"));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);
        CatalogsParticipant.Planned planned = participant.plan(target(1, V1, false));

        assertThatThrownBy(() -> participant.apply(target(1, V1, false), planned))
                .isInstanceOfSatisfying(ParticipantException.class, e -> assertThat(e.reason())
                        .isEqualTo("catalogs answered 409 data-loss-not-confirmed: 1 step(s) would destroy stored data"
                                + " (publish again with ?confirmDataLoss=true to accept the loss)"));
    }

    @Test
    void anExpiredTokenIsRefusedBeforeCatalogsIsAsked() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs();
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);
        Credentials expired = Credentials.of("old", Instant.now().minusSeconds(1));

        assertThatThrownBy(() -> participant.plan(new CatalogsParticipant.Target("shop", 2, 1, V1, V2, false, expired)))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.refused()).isTrue();
                    assertThat(e.code()).isEqualTo("token-expired");
                    assertThat(e.reason()).contains("sign in again and publish again");
                });
        assertThat(catalogs.calls).isEmpty();
        assertThat(expired.toString()).doesNotContain("old");
    }

    @Test
    void aRetryOfAVersionCatalogsHoldsAlreadyAppliesNothingTwice() {
        JsonObject applied = plan(2, 2, 0);
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(2, 2, 0)).then(applied);
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        CatalogsParticipant.Applied result = participant.apply(target(1, V1, false), participant.plan(target(1, V1, false)));

        assertThat(catalogs.calls).containsExactly("plan shop", "apply shop v2");
        assertThat(result.detail()).isEqualTo("catalogs had version 2 already: nothing to apply");
    }

    @Test
    void aLeftoverOfTheTargetVersionWithOtherTypesIsTakenBackToTheBaseFirst() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(2, 2, 4)).then(plan(2, 1, 4)).then(plan(1, 2, 3));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        CatalogsParticipant.Planned planned = participant.plan(target(1, V1, false));

        assertThat(catalogs.calls).containsExactly("plan shop", "apply shop v1", "plan shop");
        assertThat(catalogs.requests.get(1)).as("the base's types, its own renames gone").isEqualTo(json("""
                {'key': 'shop', 'name': 'Shop', 'access': [], 'version': 1, 'types': [
                  {'key': 'customer', 'fields': [{'key': 'fullname', 'type': 'text'}]},
                  {'key': 'tag', 'fields': []}]}"""));
        assertThat(planned.plan()).isEqualTo(plan(1, 2, 3));
        assertThat(planned.detail()).isEqualTo("3 steps from version 1 to version 2; catalogs held version 2 with"
                + " other types, left by a publication that did not finish: version 1 was restored first (4 steps)");
    }

    @Test
    void aLeftoverDifferingOnlyInNamesIsFoundWhenApplyingAndTakenBackToo() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(2, 2, 0))
                .then(refusal(409, "schema-version-conflict", "Version 2 is applied with other types"))
                .then(plan(2, 1, 0)).then(plan(1, 2, 0)).then(plan(1, 2, 0));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        CatalogsParticipant.Applied applied = participant.apply(target(1, V1, false), participant.plan(target(1, V1, false)));

        assertThat(catalogs.calls).containsExactly("plan shop", "apply shop v2", "apply shop v1", "plan shop",
                "apply shop v2");
        assertThat(applied.replanned()).isEqualTo(plan(1, 2, 0));
        assertThat(applied.detail()).startsWith("catalogs applied version 2 in 0 steps; catalogs held version 2");
    }

    @Test
    void aConflictThatIsNoLeftoverIsCatalogsRefusal() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 2, 1))
                .then(refusal(409, "schema-version-conflict", "Version 2 is applied with other types"));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);
        CatalogsParticipant.Planned planned = participant.plan(target(1, V1, false));

        assertThatThrownBy(() -> participant.apply(target(1, V1, false), planned))
                .isInstanceOfSatisfying(ParticipantException.class, e -> assertThat(e.code())
                        .isEqualTo("schema-version-conflict"));
        assertThat(catalogs.calls).containsExactly("plan shop", "apply shop v2");
    }

    @Test
    void aLeftoverOverNoActiveVersionIsRemovedFirst() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 1, 2)).then(removal(1, 3))
                .then(plan(null, 1, 2));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        CatalogsParticipant.Planned planned = participant.plan(target(null, null, false));

        assertThat(catalogs.calls).containsExactly("plan shop", "remove shop v1", "plan shop");
        assertThat(planned.detail()).isEqualTo("2 steps from no version to version 1; catalogs held version 1 with"
                + " other types, left by a publication that did not finish: it was removed first (3 steps)");
    }

    @Test
    void aLeftoverThatHoldsDataIsRemovedOnlyWhenThePublicationConfirmsDataLoss() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 1, 2))
                .then(refusal(409, "data-loss-not-confirmed", "1 table(s) of app 'shop' hold data"));

        assertThatThrownBy(() -> new CatalogsParticipant(catalogs).plan(target(null, null, false)))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.code()).isEqualTo("data-loss-not-confirmed");
                    assertThat(e.detail()).isEqualTo("catalogs held version 1 with other types, left by a"
                            + " publication that did not finish; removing it there first failed: 1 table(s) of app"
                            + " 'shop' hold data");
                });
        assertThat(catalogs.calls).containsExactly("plan shop", "remove shop v1");
    }

    @Test
    void undoingAppliesTheBaseVersionAgainWithItsRenamesTurnedRoundAndDataLossConfirmed() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(2, 1, 2));
        CatalogsParticipant participant = new CatalogsParticipant(catalogs);

        String done = participant.undo(target(1, V1, false));

        assertThat(catalogs.calls).containsExactly("apply shop v1");
        assertThat(catalogs.requests.get(0)).isEqualTo(json("""
                {'key': 'shop', 'name': 'Shop', 'access': [], 'version': 1, 'confirmDataLoss': true, 'types': [
                  {'key': 'customer', 'fields': [{'key': 'fullname', 'type': 'text', 'previousKey': 'full_name'}]},
                  {'key': 'tag', 'fields': []}]}"""));
        assertThat(done).isEqualTo("catalogs went back to version 1 in 2 steps");
    }

    @Test
    void undoingWhatWasNeverAppliedChangesNothing() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(1, 1, 0));

        assertThat(new CatalogsParticipant(catalogs).undo(target(1, V1, false)))
                .isEqualTo("catalogs held version 1: nothing to undo");
    }

    @Test
    void undoingAFirstVersionRemovesItsTablesWithDataLossConfirmed() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(removal(1, 3));

        assertThat(new CatalogsParticipant(catalogs).undo(target(null, null, false)))
                .isEqualTo("catalogs removed version 1 in 3 steps");
        assertThat(catalogs.calls).containsExactly("remove shop v1 confirmed");
    }

    @Test
    void undoingAFirstVersionThatWasNeverAppliedChangesNothing() {
        ScriptedCatalogs catalogs = new ScriptedCatalogs().then(plan(null, 1, 0));

        assertThat(new CatalogsParticipant(catalogs).undo(target(null, null, false)))
                .isEqualTo("catalogs held no version: nothing to undo");
    }

    private static JsonObject removal(int from, int steps) {
        return Json.createObjectBuilder(plan(from, 1, steps)).remove("toVersion").build();
    }

    @Test
    void plansAreDescribedForPeople() {
        assertThat(CatalogsParticipant.describe(plan(null, 1, 1))).isEqualTo("1 step from no version to version 1");
        assertThat(CatalogsParticipant.describe(Json.createObjectBuilder(plan(3, 4, 2)).add("dataLoss", true).build()))
                .isEqualTo("2 steps from version 3 to version 4, some of which may destroy stored data");
    }
}
