package io.plinth.viewservice.apps.model;

import static io.plinth.viewservice.apps.model.Models.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

    private static final JsonObject BEFORE = json("""
            {'modelVersion': 1, 'key': 'shop', 'name': 'Shop', 'types': [
              {'key': 'customer', 'name': 'Customer', 'fields': [
                {'key': 'fullname', 'type': 'text', 'length': 100},
                {'key': 'credit', 'type': 'decimal', 'precision': 12, 'scale': 2},
                {'key': 'legacy', 'type': 'json'}]},
              {'key': 'archive', 'fields': []}],
             'roles': [{'key': 'clerk'}],
             'access': [{'role': 'clerk', 'type': 'customer', 'operations': ['read']}],
             'forms': [{'key': 'f', 'type': 'customer', 'sections': [{'fields': [{'field': 'fullname'}]}]}]}""");

    @Test
    void identicalModelsHaveNoChanges() {
        assertThat(ModelDiff.between(BEFORE, BEFORE)).isEmpty();
        assertThat(ModelDiff.between(BEFORE, Json.createObjectBuilder(BEFORE).add("lists", JsonValue.EMPTY_JSON_ARRAY)
                .build())).as("an empty section is no section").isEmpty();
    }

    @Test
    void everythingIsAddedToNothing() {
        List<ModelDiff.Change> changes = ModelDiff.between(null, BEFORE);

        assertThat(changes).extracting(ModelDiff.Change::path, ModelDiff.Change::change).containsExactly(
                tuple("key", "added"), tuple("name", "added"), tuple("types", "added"), tuple("roles", "added"),
                tuple("access", "added"), tuple("forms", "added"));
    }

    @Test
    void typesAndFieldsAreMatchedByKeyWithRenamesAndAttributes() {
        JsonObject after = json("""
                {'modelVersion': 1, 'key': 'shop', 'name': 'Shop 2', 'types': [
                  {'key': 'customer', 'name': 'Client', 'fields': [
                    {'key': 'credit', 'type': 'decimal', 'precision': 14, 'scale': 2},
                    {'key': 'full_name', 'previousKey': 'fullname', 'type': 'text', 'length': 200},
                    {'key': 'vip', 'type': 'boolean'}]},
                  {'key': 'invoice', 'fields': [{'key': 'no', 'type': 'integer'}]}],
                 'roles': [{'key': 'clerk'}],
                 'access': [{'role': 'clerk', 'type': 'customer', 'operations': ['read', 'update']}],
                 'forms': [{'key': 'f', 'type': 'customer', 'sections': [{'fields': [{'field': 'full_name'}]}]}]}""");

        List<ModelDiff.Change> changes = ModelDiff.between(BEFORE, after);

        assertThat(changes).extracting(ModelDiff.Change::path, ModelDiff.Change::change, ModelDiff.Change::from,
                ModelDiff.Change::to).containsExactly(
                tuple("name", "changed", Json.createValue("Shop"), Json.createValue("Shop 2")),
                tuple("types[archive]", "removed", BEFORE.getJsonArray("types").get(1), null),
                tuple("types[customer].name", "changed", Json.createValue("Customer"), Json.createValue("Client")),
                tuple("types[customer].fields[legacy]", "removed",
                        BEFORE.getJsonArray("types").getJsonObject(0).getJsonArray("fields").get(2), null),
                tuple("types[customer].fields[credit].precision", "changed", Json.createValue(12), Json.createValue(14)),
                tuple("types[customer].fields[full_name]", "renamed", Json.createValue("fullname"),
                        Json.createValue("full_name")),
                tuple("types[customer].fields[full_name].length", "changed", Json.createValue(100), Json.createValue(200)),
                tuple("types[customer].fields[vip]", "added", null, after.getJsonArray("types").getJsonObject(0)
                        .getJsonArray("fields").get(2)),
                tuple("types[customer].fields", "reordered", Json.createArrayBuilder().add("full_name").add("credit").build(),
                        Json.createArrayBuilder().add("credit").add("full_name").build()),
                tuple("types[invoice]", "added", null, after.getJsonArray("types").get(1)),
                tuple("access[clerk/customer].operations", "changed", Json.createArrayBuilder().add("read").build(),
                        Json.createArrayBuilder().add("read").add("update").build()),
                tuple("forms[f].sections", "changed", BEFORE.getJsonArray("forms").getJsonObject(0).get("sections"),
                        after.getJsonArray("forms").getJsonObject(0).get("sections")));
    }

    @Test
    void aPreviousKeyThatRenamesNothingIsNoRename() {
        JsonObject after = json("""
                {'modelVersion': 1, 'key': 'shop', 'name': 'Shop', 'types': [
                  {'key': 'customer', 'name': 'Customer', 'fields': [
                    {'key': 'fullname', 'previousKey': 'whatever', 'type': 'text', 'length': 100},
                    {'key': 'credit', 'type': 'decimal', 'precision': 12, 'scale': 2},
                    {'key': 'legacy', 'type': 'json'}]},
                  {'key': 'archive', 'fields': []}],
                 'roles': [{'key': 'clerk'}],
                 'access': [{'role': 'clerk', 'type': 'customer', 'operations': ['read']}],
                 'forms': [{'key': 'f', 'type': 'customer', 'sections': [{'fields': [{'field': 'fullname'}]}]}]}""");

        assertThat(ModelDiff.between(BEFORE, after)).isEmpty();
    }

    @Test
    void theDescriptionCountsEachKindOfChange() {
        JsonObject after = Json.createObjectBuilder(BEFORE).add("name", "Other").remove("roles").build();

        JsonObject described = ModelDiff.describe(ModelDiff.between(BEFORE, after));

        assertThat(described.getJsonArray("changes")).hasSize(2);
        assertThat(described.getJsonObject("summary")).isEqualTo(
                json("{'added': 0, 'removed': 1, 'changed': 1, 'renamed': 0, 'reordered': 0}"));
        assertThat(described.getJsonArray("changes").getJsonObject(1))
                .isEqualTo(json("{'path': 'roles', 'change': 'removed', 'from': [{'key': 'clerk'}]}"));
    }
}
