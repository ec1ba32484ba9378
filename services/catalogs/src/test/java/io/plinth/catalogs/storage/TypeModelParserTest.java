package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeModelParserTest {

    @Test
    void readsTheSampleAppIntoNormalisedTypes() throws Exception {
        List<TypeModel> types = TypeModelParser.parse(TestDatabase.resource("/storage/shop.json"));

        assertThat(types).extracting(TypeModel::key).containsExactly("order", "customer", "tag");
        TypeModel customer = types.get(1);
        assertThat(customer.securityPartition()).isEqualTo("region");
        FieldModel name = customer.field("name").orElseThrow();
        assertThat(name).extracting(FieldModel::type, FieldModel::length, FieldModel::required, FieldModel::unique,
                FieldModel::indexed, FieldModel::needsIndex).containsExactly(FieldType.TEXT, 200, true, true, true, false);
        assertThat(customer.field("credit").orElseThrow().defaultValue()).isEqualTo(Json.createValue("0.00"));
        assertThat(customer.field("visits").orElseThrow().defaultValue()).isEqualTo(Json.createValue(0L));
        FieldModel placed = types.get(0).field("placed_at").orElseThrow();
        assertThat(placed.defaultValue()).isEqualTo(Json.createValue("2024-01-01T08:00:00Z"));
        FieldModel tags = types.get(0).field("tags").orElseThrow();
        assertThat(tags.many()).isTrue();
        assertThat(tags.reference().onDelete()).isEqualTo(ReferenceModel.OnDelete.RESTRICT);
        assertThat(types.get(0).field("note").orElseThrow().length()).isEqualTo(255);
    }

    @Test
    void theNormalFormReadsBackToTheSameTypes() throws Exception {
        List<TypeModel> types = TypeModelParser.parse(TestDatabase.resource("/storage/shop.json"));
        assertThat(TypeModelParser.parseTypes(TypeModel.toJson(types))).isEqualTo(types);
    }

    @Test
    void keysThatCouldBreakOutOfAnIdentifierAreRefused() {
        List<String> nasty = List.of("Name", "a b", "a\"b", "a;drop", "x__y", "_x", "1x", "a".repeat(31), "xmin",
                "ctid", "id", "partition", "created_by", "ünï", "", "a-b", "a$b", "a#b", "a\u0000b");
        JsonArrayBuilder fields = Json.createArrayBuilder();
        nasty.forEach(k -> fields.add(Json.createObjectBuilder().add("key", k).add("type", "text")));

        List<FieldError> errors = errors(Json.createObjectBuilder().add("types", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "t").add("fields", fields))).build());

        assertThat(errors).hasSize(nasty.size());
        for (int i = 0; i < nasty.size(); i++) {
            assertThat(errors.get(i).field()).isEqualTo("types[0].fields[" + i + "].key");
        }
        assertThat(errors(types("{'key': 'Robert\\\"); DROP TABLE x; --', 'fields': []}")))
                .containsExactly(new FieldError("types[0].key", "must be 1 to 30 characters: lower-case letters,"
                        + " digits and single underscores, starting with a letter"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        List<FieldError> errors = errors(types(
                "{'key': 't', 'securityPartition': 'data', 'fields': ["
                        + "{'key': 'a', 'type': 'text', 'length': 0},"
                        + "{'key': 'b', 'type': 'decimal', 'precision': 39},"
                        + "{'key': 'c', 'type': 'enum', 'values': ['ok', 'Not OK', 'ok']},"
                        + "{'key': 'd', 'type': 'reference', 'required': true, 'reference': {'type': 'nowhere',"
                        + " 'onDelete': 'set-null'}},"
                        + "{'key': 'e', 'type': 'reference', 'unique': true, 'reference': {'type': 't',"
                        + " 'cardinality': 'many'}},"
                        + "{'key': 'f', 'type': 'colour'},"
                        + "{'key': 'g', 'type': 'boolean', 'required': 'yes'},"
                        + "{'key': 'a', 'type': 'integer'},"
                        + "{'key': 'data', 'type': 'json', 'unique': true},"
                        + "{'key': 'h', 'previousKey': 'old', 'type': 'text'},"
                        + "{'key': 'i', 'previousKey': 'old', 'type': 'text'},"
                        + "{'key': 'j', 'type': 'reference', 'reference': {'type': 't', 'cardinality': 'several'}}]}",
                "{'key': 't', 'fields': 'none'}", "'not an object'"));
        assertThat(errors).containsExactly(
                new FieldError("types[0].fields[0].length", "must be a whole number from 1 to 10000"),
                new FieldError("types[0].fields[1].precision", "must be a whole number from 1 to 38"),
                new FieldError("types[0].fields[2].values[1]", "must be 1 to 63 lower-case letters, digits, '_' or '-',"
                        + " starting with a letter or digit"),
                new FieldError("types[0].fields[2].values[2]", "'ok' is listed twice"),
                new FieldError("types[0].fields[3].reference.onDelete", "set-null is not possible for a required field"),
                new FieldError("types[0].fields[4].unique", "a reference to many records cannot be unique"),
                new FieldError("types[0].fields[5].type", "must be one of text, integer, decimal, boolean, date,"
                        + " timestamp, enum, reference, user, file, json"),
                new FieldError("types[0].fields[6].required", "must be true or false"),
                new FieldError("types[0].fields[8].unique", "a json field cannot be unique"),
                new FieldError("types[0].fields[10].previousKey", "another field already renames 'old'"),
                new FieldError("types[0].fields[11].reference.cardinality", "must be one or many"),
                new FieldError("types[0].securityPartition", "'data' is not a field of this type"),
                new FieldError("types[1].fields", "must be an array"),
                new FieldError("types[2]", "must be an object"));
        assertThat(errors(types("{'key': 't', 'fields': [{'key': 'a', 'type': 'text'}, {'key': 'a', 'type': 'text'}]}")))
                .containsExactly(new FieldError("types[0].fields[1].key", "'a' is the key of another field"));
        assertThat(errors(types("{'key': 't', 'fields': [{'key': 'r', 'type': 'reference', 'reference':"
                + " {'type': 'nowhere'}}]}", "{'key': 't', 'fields': []}"))).containsExactly(
                new FieldError("types[1].key", "'t' is the key of another type"),
                new FieldError("types[0].fields[0].reference.type", "'nowhere' is not a type of this app"));
    }

    @Test
    void theSecurityPartitionMustBeAFieldThatCanNameAPartition() {
        assertThat(errors(types("{'key': 't', 'securityPartition': 'j', 'fields': [{'key': 'j', 'type': 'json'}]}")))
                .containsExactly(new FieldError("types[0].securityPartition",
                        "must be a text, enum, integer, user or single reference field"));
    }

    @Test
    void defaultsMustBeValidValuesOfTheField() {
        List<String> invalid = List.of(
                "{'key': 'f', 'type': 'text', 'length': 3, 'default': 'four'}",
                "{'key': 'f', 'type': 'text', 'default': 5}",
                "{'key': 'f', 'type': 'integer', 'default': 1.5}",
                "{'key': 'f', 'type': 'integer', 'default': 'abc'}",
                "{'key': 'f', 'type': 'integer', 'default': 9223372036854775808}",
                "{'key': 'f', 'type': 'integer', 'default': 1e999999999}",
                "{'key': 'f', 'type': 'decimal', 'precision': 5, 'scale': 2, 'default': '1.234'}",
                "{'key': 'f', 'type': 'decimal', 'precision': 5, 'scale': 2, 'default': 1234}",
                "{'key': 'f', 'type': 'decimal', 'default': 1e-999999999}",
                "{'key': 'f', 'type': 'decimal', 'default': '1; DROP TABLE x'}",
                "{'key': 'f', 'type': 'boolean', 'default': 'true'}",
                "{'key': 'f', 'type': 'date', 'default': '2023-02-29'}",
                "{'key': 'f', 'type': 'date', 'default': '+12345-01-01'}",
                "{'key': 'f', 'type': 'timestamp', 'default': '2024-01-01T10:00:00'}",
                "{'key': 'f', 'type': 'enum', 'values': ['a'], 'default': 'b'}",
                "{'key': 'f', 'type': 'user', 'default': 'admin'}",
                "{'key': 'f', 'type': 'file', 'default': '1-1-1-1-1'}",
                "{'key': 'f', 'type': 'reference', 'reference': {'type': 't', 'cardinality': 'many'},"
                        + " 'default': '00000000-0000-0000-0000-000000000001'}",
                "{'key': 'f', 'type': 'text', 'default': 'a\\u0000b'}",
                "{'key': 'f', 'type': 'json', 'default': {'a': ['x\\u0000']}}");
        for (String field : invalid) {
            assertThat(errors(types("{'key': 't', 'fields': [" + field + "]}")))
                    .as(field).singleElement().extracting(FieldError::field).isEqualTo("types[0].fields[0].default");
        }
    }

    @Test
    void defaultsAreKeptInNormalForm() {
        List<TypeModel> types = TestDatabase.types("{'types': [{'key': 't', 'fields': ["
                + "{'key': 'a', 'type': 'decimal', 'precision': 6, 'scale': 3, 'default': 1.5},"
                + "{'key': 'b', 'type': 'integer', 'default': '-12'},"
                + "{'key': 'c', 'type': 'timestamp', 'default': '2024-06-01T12:00:00-03:00'},"
                + "{'key': 'd', 'type': 'user', 'default': '0000000A-0000-0000-0000-00000000000B'},"
                + "{'key': 'e', 'type': 'text', 'default': null},"
                + "{'key': 'f', 'type': 'integer', 'length': 'ignored', 'values': 3}]}]}");
        assertThat(types.get(0).fields()).extracting(FieldModel::defaultValue).containsExactly(
                Json.createValue("1.500"), Json.createValue(-12L), Json.createValue("2024-06-01T15:00:00Z"),
                Json.createValue("0000000a-0000-0000-0000-00000000000b"), null, null);
    }

    @Test
    void sizesAreBounded() {
        JsonArrayBuilder many = Json.createArrayBuilder();
        for (int i = 0; i <= TypeModelParser.MAX_TYPES; i++) {
            many.add(Json.createObjectBuilder().add("key", "t" + i).add("fields", JsonValue.EMPTY_JSON_ARRAY));
        }
        assertThat(errors(Json.createObjectBuilder().add("types", many).build()))
                .containsExactly(new FieldError("types", "must hold at most 200 types"));

        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (int i = 0; i <= TypeModelParser.MAX_FIELDS; i++) {
            fields.add(Json.createObjectBuilder().add("key", "f" + i).add("type", "text"));
        }
        assertThat(errors(model(Json.createObjectBuilder().add("key", "t").add("fields", fields))))
                .containsExactly(new FieldError("types[0].fields", "must hold at most 300 fields"));

        JsonArrayBuilder values = Json.createArrayBuilder();
        for (int i = 0; i <= TypeModelParser.MAX_ENUM_VALUES; i++) {
            values.add("v" + i);
        }
        assertThat(errors(model(Json.createObjectBuilder().add("key", "t").add("name", "n".repeat(201))
                .add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "e")
                        .add("type", "enum").add("values", values))))))
                .extracting(FieldError::field).containsExactly("types[0].name", "types[0].fields[0].values");
    }

    @Test
    void aModelWithoutTypesIsRefused() {
        assertThat(errors(Json.createObjectBuilder().build())).containsExactly(new FieldError("types", "is required"));
        assertThat(errors(Json.createObjectBuilder().add("types", "x").build()))
                .containsExactly(new FieldError("types", "must be an array"));
        assertThat(errors(JsonValue.EMPTY_JSON_ARRAY)).extracting(FieldError::field).containsExactly("");
    }

    private static JsonObject model(JsonObjectBuilder type) {
        return Json.createObjectBuilder().add("types", Json.createArrayBuilder().add(type)).build();
    }

    /** {@code {"types": [...]}} of the given JSON texts, with single quotes for double ones. */
    private static JsonObject types(String... types) {
        return TestDatabase.json(("{'types': [" + String.join(", ", types) + "]}").replace('\'', '"'));
    }

    private static List<FieldError> errors(JsonValue model) {
        try {
            TypeModelParser.parse(model);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().code()).isEqualTo("validation-failed");
            return e.problem().errors();
        }
        throw new AssertionError("the model was accepted");
    }
}
