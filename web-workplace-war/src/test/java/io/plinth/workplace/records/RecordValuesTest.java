package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValuesTest {

    private static final List<ModelField> FIELDS = List.of(
            field("title", FieldKind.TEXT), field("count", FieldKind.INTEGER), field("price", FieldKind.DECIMAL),
            field("urgent", FieldKind.BOOLEAN), field("due", FieldKind.DATE), field("seen", FieldKind.TIMESTAMP),
            field("priority", FieldKind.ENUM), field("customer", FieldKind.REFERENCE), field("extra", FieldKind.JSON));

    private static ModelField field(String key, FieldKind kind) {
        return new ModelField(key, key, kind, false, false, 255, List.of(), kind == FieldKind.REFERENCE ? "c" : null,
                false);
    }

    @Test
    void aNewRecordsFormStartsWithTheModelsDefaults() {
        List<ModelField> fields = List.of(
                new ModelField("status", "Status", FieldKind.ENUM, false, false, 0, List.of("new", "paid"), null, false,
                        "\"new\""),
                new ModelField("urgent", "Urgent", FieldKind.BOOLEAN, false, false, 0, List.of(), null, false, "false"),
                new ModelField("due", "Due", FieldKind.DATE, false, false, 0, List.of(), null, false, "\"2026-02-01\""),
                new ModelField("broken", "Broken", FieldKind.DATE, false, false, 0, List.of(), null, false, "\"soon\""),
                field("title", FieldKind.TEXT));

        assertThat(RecordValues.defaults(fields)).containsOnly(Map.entry("status", "new"), Map.entry("urgent", false),
                Map.entry("due", LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aRecordBecomesInputsAndTheInputsBecomeTheSameJson() {
        JsonObject record = Json.createObjectBuilder().add("id", "a1").add("version", 2).add("title", "Printer")
                .add("count", 3).add("price", "12.50").add("urgent", true).add("due", "2026-01-31")
                .add("seen", "2026-01-31T09:30:00Z").add("priority", "high").add("customer", "c1")
                .add("extra", Json.createObjectBuilder().add("a", 1)).build();
        Map<String, Object> inputs = RecordValues.toInputs(FIELDS, record);

        assertThat(inputs).containsEntry("title", "Printer").containsEntry("count", "3").containsEntry("price", "12.50")
                .containsEntry("urgent", true).containsEntry("due", LocalDate.of(2026, 1, 31))
                .containsEntry("seen", LocalDateTime.of(2026, 1, 31, 9, 30)).containsEntry("customer", "c1")
                .containsEntry("extra", "{\"a\":1}");
        RecordValues.Converted json = RecordValues.toJson(FIELDS, inputs);
        assertThat(json.problems()).isEmpty();
        assertThat(json.json()).doesNotContainKey("extra").doesNotContainKey("id");
        assertThat(json.json().toString()).isEqualTo("{\"title\":\"Printer\",\"count\":3,\"price\":\"12.50\","
                + "\"urgent\":true,\"due\":\"2026-01-31\",\"seen\":\"2026-01-31T09:30:00Z\",\"priority\":\"high\","
                + "\"customer\":\"c1\"}");
    }

    @Test
    void emptyInputsAreNullAndNumbersThatAreNoneAreProblems() {
        Map<String, Object> inputs = new HashMap<>(Map.of("title", " ", "count", "twelve", "price", "1,5"));
        RecordValues.Converted json = RecordValues.toJson(FIELDS, inputs);

        assertThat(json.problems()).containsOnly(Map.entry("count", "record.problem.integer"),
                Map.entry("price", "record.problem.decimal"));
        assertThat(json.json().get("title")).isEqualTo(JsonValue.NULL);
        assertThat(json.json().get("due")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void cellsShowValuesAsPeopleReadThem() {
        assertThat(RecordValues.display(FIELDS.get(3), JsonValue.TRUE, "Yes", "No", Map.of())).isEqualTo("Yes");
        assertThat(RecordValues.display(FIELDS.get(5), Json.createValue("2026-01-31T09:30:00Z"), "Yes", "No", Map.of()))
                .isEqualTo("2026-01-31 09:30 UTC");
        assertThat(RecordValues.display(FIELDS.get(7), Json.createValue("c1"), "Yes", "No", Map.of("c1", "Ada")))
                .isEqualTo("Ada");
        assertThat(RecordValues.display(FIELDS.get(7), Json.createValue("c2"), "Yes", "No", Map.of("c1", "Ada")))
                .isEqualTo("c2");
        assertThat(RecordValues.display(FIELDS.get(1), Json.createValue(3), "Yes", "No", Map.of())).isEqualTo("3");
        assertThat(RecordValues.display(FIELDS.get(0), JsonValue.NULL, "Yes", "No", Map.of())).isEmpty();
    }

    private static final ModelField TAGS = new ModelField("tags", "Tags", FieldKind.REFERENCE, false, false, 0,
            List.of(), "tag", true);

    @Test
    void aReferenceToManyRecordsIsAListOfIdsBothWays() {
        JsonObject record = Json.createObjectBuilder().add("id", "a1").add("version", 1)
                .add("tags", Json.createArrayBuilder().add("t1").add("t2")).build();
        Map<String, Object> inputs = RecordValues.toInputs(List.of(TAGS), record);
        assertThat(inputs).containsEntry("tags", List.of("t1", "t2"));

        // The picker gives back its selection; a repeated or blank entry is not sent.
        inputs.put("tags", List.of("t2", "t3", "t2", " "));
        RecordValues.Converted json = RecordValues.toJson(List.of(TAGS), inputs);
        assertThat(json.problems()).isEmpty();
        assertThat(json.json().toString()).isEqualTo("{\"tags\":[\"t2\",\"t3\"]}");
    }

    @Test
    void anEmptySelectionSendsAnEmptyArrayNotNull() {
        assertThat(RecordValues.toJson(List.of(TAGS), new HashMap<>()).json().toString()).isEqualTo("{\"tags\":[]}");
        assertThat(RecordValues.toJson(List.of(TAGS), new HashMap<>(Map.of("tags", List.of()))).json().toString())
                .isEqualTo("{\"tags\":[]}");
        JsonObject none = Json.createObjectBuilder().add("tags", Json.createArrayBuilder()).build();
        assertThat(RecordValues.toInputs(List.of(TAGS), none)).containsEntry("tags", List.of());
    }

    @Test
    void aReferenceToManyRecordsShowsItsLabelsJoined() {
        JsonValue ids = Json.createArrayBuilder().add("t1").add("t9").build();
        assertThat(RecordValues.display(TAGS, ids, "Yes", "No", Map.of("t1", "Urgent", "t2", "Fragile")))
                .isEqualTo("Urgent, t9");
        assertThat(RecordValues.display(TAGS, Json.createArrayBuilder().build(), "Yes", "No", Map.of())).isEmpty();
    }
}
