package io.plinth.viewservice.apps.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written JSON Schema served at /api/schema/app says what the validator enforces. */
class ModelSchemaTest {

    private static JsonObject schema() throws Exception {
        try (InputStream in = ModelSchemaTest.class.getClassLoader().getResourceAsStream("schema/app-model-v1.schema.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void itIsDraft2020WithTheModelsTopLevelMembers() throws Exception {
        JsonObject schema = schema();

        assertThat(schema.getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.getJsonObject("properties").keySet()).containsExactlyInAnyOrder("modelVersion", "key", "name",
                "description", "icon", "owners", "types", "forms", "lists", "navigation", "roles", "access", "workflows",
                "scripts", "templates", "schedules");
        assertThat(schema.getJsonObject("properties").getJsonObject("types").getInt("maxItems")).isEqualTo(TypeRules.MAX_TYPES);
    }

    @Test
    void itsListsOfNamesAreTheValidatorsLists() throws Exception {
        JsonObject defs = schema().getJsonObject("$defs");
        JsonObject field = defs.getJsonObject("field").getJsonObject("properties");

        assertThat(strings(field.getJsonObject("type"), "enum"))
                .containsExactlyElementsOf(Arrays.stream(FieldType.values()).map(FieldType::modelName).toList());
        assertThat(strings(field.getJsonObject("key").getJsonObject("not"), "enum")).isEqualTo(Keys.RESERVED_FIELDS);
        assertThat(strings(defs.getJsonObject("condition").getJsonObject("properties").getJsonObject("op"), "enum"))
                .isEqualTo(ConditionRules.OPERATORS);
        assertThat(strings(field.getJsonObject("reference").getJsonObject("properties").getJsonObject("onDelete"), "enum"))
                .isEqualTo(TypeRules.ON_DELETE);
        assertThat(field.getJsonObject("values").getInt("maxItems")).isEqualTo(TypeRules.MAX_ENUM_VALUES);
        assertThat(defs.getJsonObject("type").getJsonObject("properties").getJsonObject("fields").getInt("maxItems"))
                .isEqualTo(TypeRules.MAX_FIELDS);
        assertThat(strings(defs.getJsonObject("accessRule").getJsonObject("properties").getJsonObject("operations")
                .getJsonObject("items"), "enum")).isEqualTo(AccessRules.OPERATIONS);
        assertThat(defs.getJsonObject("typeKey").getString("pattern")).isEqualTo("^" + Keys.TYPE.pattern() + "$");
        assertThat(defs.getJsonObject("appKey").getString("pattern")).isEqualTo("^" + Keys.APP.pattern() + "$");
        assertThat(defs.getJsonObject("itemKey").getString("pattern")).isEqualTo("^" + Keys.ITEM.pattern() + "$");
        assertThat(defs.getJsonObject("enumValue").getString("pattern")).isEqualTo("^" + Keys.ENUM_VALUE.pattern() + "$");
    }
}
