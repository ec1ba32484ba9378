package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormConditionsTest {

    private static ModelField field(String key, FieldKind kind) {
        return new ModelField(key, key, kind, false, false, 255, List.of(), null, false);
    }

    private static final ModelType TYPE = new ModelType("customer", "Customer", List.of(field("name", FieldKind.TEXT),
            field("vip", FieldKind.BOOLEAN), field("credit", FieldKind.DECIMAL), field("region", FieldKind.ENUM),
            field("since", FieldKind.DATE), field("seen", FieldKind.TIMESTAMP)));

    private static boolean holds(String field, String op, Map<String, Object> inputs, String... values) {
        return FormConditions.all(List.of(new Condition(field, op, List.of(values))), TYPE, inputs);
    }

    @Test
    void conditionsReadTheValuesTheFormHoldsByTheirFieldsType() {
        Map<String, Object> inputs = new HashMap<>(Map.of("name", "Ada Lovelace", "vip", false, "credit", "1200.50",
                "region", "north", "since", LocalDate.of(2024, 3, 1), "seen", LocalDateTime.of(2026, 1, 2, 9, 30)));

        assertThat(holds("vip", "eq", inputs, "false")).isTrue();
        assertThat(holds("vip", "eq", inputs, "true")).isFalse();
        assertThat(holds("credit", "gt", inputs, "999.99")).isTrue();
        assertThat(holds("credit", "eq", inputs, "1200.5")).as("numbers, not text").isTrue();
        assertThat(holds("credit", "lt", inputs, "1200.5")).isFalse();
        assertThat(holds("credit", "le", inputs, "1200.5")).isTrue();
        assertThat(holds("region", "in", inputs, "south", "north")).isTrue();
        assertThat(holds("region", "not-in", inputs, "south", "north")).isFalse();
        assertThat(holds("region", "ne", inputs, "south")).isTrue();
        assertThat(holds("name", "contains", inputs, "Love")).isTrue();
        assertThat(holds("name", "contains", inputs, "love")).isFalse();
        assertThat(holds("since", "ge", inputs, "2024-03-01")).isTrue();
        assertThat(holds("since", "lt", inputs, "2024-03-01")).isFalse();
        assertThat(holds("seen", "gt", inputs, "2026-01-02T09:00:00Z")).isTrue();
        assertThat(holds("name", "is-not-null", inputs)).isTrue();
        assertThat(holds("name", "is-null", inputs)).isFalse();
        assertThat(holds("name", "matches", inputs, "x")).as("an unknown operator").isFalse();
    }

    @Test
    void anEmptyOrUnreadableValueOnlyMatchesTheNullTestsNeAndNotIn() {
        Map<String, Object> inputs = new HashMap<>(Map.of("name", "  ", "credit", "12,5"));

        assertThat(holds("name", "is-null", inputs)).isTrue();
        assertThat(holds("region", "is-null", inputs)).as("never set").isTrue();
        assertThat(holds("credit", "is-null", inputs)).as("not a number").isTrue();
        assertThat(holds("name", "eq", inputs, "")).isFalse();
        assertThat(holds("credit", "gt", inputs, "1")).isFalse();
        assertThat(holds("region", "ne", inputs, "north")).isTrue();
        assertThat(holds("region", "not-in", inputs, "north")).isTrue();
        assertThat(holds("region", "in", inputs, "north")).isFalse();
    }

    @Test
    void allConditionsMustHoldAndNoneHoldsTrivially() {
        Map<String, Object> inputs = Map.of("vip", true, "region", "north");
        Condition vip = new Condition("vip", "eq", List.of("true"));
        Condition south = new Condition("region", "eq", List.of("south"));

        assertThat(FormConditions.all(List.of(), TYPE, inputs)).isTrue();
        assertThat(FormConditions.all(List.of(vip), TYPE, inputs)).isTrue();
        assertThat(FormConditions.all(List.of(vip, south), TYPE, inputs)).isFalse();
    }
}
