package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordHistoryTest {

    private static final ModelType TICKET = new ModelType("ticket", "Ticket", List.of(
            new ModelField("title", "Title", FieldKind.TEXT, true, false, 100, List.of(), null, false),
            new ModelField("urgent", "Urgent", FieldKind.BOOLEAN, false, false, 0, List.of(), null, false),
            new ModelField("customer", "Customer", FieldKind.REFERENCE, false, false, 0, List.of(), "customer", false)));

    private static final RecordHistory.Words WORDS = new RecordHistory.Words(
            Map.of("created", "created", "updated", "changed"), "Yes", "No", "you", "—");

    private static List<JsonObject> items(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }

    @Test
    void eachChangeShowsItsFieldsBeforeAndAfterInTheTypesOrderAndWhoMadeIt() {
        List<JsonObject> items = items("""
                [{"version":2,"operation":"updated","changedAt":"2026-11-28T02:30:00Z","changedBy":"u-2",
                  "changes":{"urgent":{"before":null,"after":true},"title":{"before":"Printer","after":"Printer (mine)"},
                             "customer":{"before":"c-1","after":"c-2"}}},
                 {"version":1,"operation":"created","changedAt":"2026-11-28T02:00:00Z","changedBy":"u-1",
                  "changes":{"title":{"before":null,"after":"Printer"},"secret":{"before":null,"after":"x"}}}]""");

        assertThat(RecordHistory.referencedIds(items, TICKET)).isEqualTo(Map.of("customer", List.of("c-1", "c-2")));
        List<HistoryEntry> entries = RecordHistory.entries(items, TICKET, "u-1", WORDS,
                field -> Map.of("c-1", "Ada", "c-2", "Bob"));

        assertThat(entries).hasSize(2);
        HistoryEntry changed = entries.get(0);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.operation()).isEqualTo("changed");
        assertThat(changed.when()).isEqualTo("2026-11-28 02:30 UTC");
        assertThat(changed.who()).isEqualTo("u-2");
        assertThat(changed.changes()).containsExactly(
                new HistoryEntry.Change("Title", "Printer", "Printer (mine)"),
                new HistoryEntry.Change("Urgent", "—", "Yes"),
                new HistoryEntry.Change("Customer", "Ada", "Bob"));
        assertThat(entries.get(1).who()).isEqualTo("you");
        assertThat(entries.get(1).changes()).as("a field the type does not have is not shown")
                .containsExactly(new HistoryEntry.Change("Title", "—", "Printer"));
    }

    @Test
    void theUserIdComesFromTheTokensSubject() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"8a1f\",\"upn\":\"ada\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(RecordHistory.subject("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig")).isEqualTo("8a1f");
        assertThat(RecordHistory.subject("garbage")).isEmpty();
        assertThat(RecordHistory.subject("a.!!!.c")).isEmpty();
        assertThat(RecordHistory.subject(null)).isEmpty();
    }
}
