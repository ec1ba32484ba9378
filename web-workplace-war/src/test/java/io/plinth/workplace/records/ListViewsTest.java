package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListViewsTest {

    private static ListView view(String name) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("title", "print");
        return new ListView(name, List.of("title", "priority"), filters, List.of("-due"));
    }

    @Test
    void viewsGoToJsonAndBack() throws Exception {
        ListViews views = ListViews.none().with(view("Open"), true).with(view("Mine"), false);

        String json = views.toJson();
        assertThat(json).isEqualTo("{\"default\":\"Open\",\"views\":["
                + "{\"name\":\"Open\",\"columns\":[\"title\",\"priority\"],\"filters\":{\"title\":\"print\"},\"sort\":[\"-due\"]},"
                + "{\"name\":\"Mine\",\"columns\":[\"title\",\"priority\"],\"filters\":{\"title\":\"print\"},\"sort\":[\"-due\"]}]}");
        ListViews back = ListViews.fromJson(json);
        assertThat(back).isEqualTo(views);
        assertThat(back.defaultOne()).contains(view("Open"));
    }

    @Test
    void savingUnderATakenNameReplacesAndTheDefaultFollowsTheChoice() throws Exception {
        ListViews views = ListViews.none().with(view("Open"), true);
        ListView changed = new ListView("  Open ", List.of("title"), Map.of(), List.of());

        ListViews replaced = views.with(changed, false);

        assertThat(replaced.views()).extracting(ListView::name).containsExactly("Open");
        assertThat(replaced.views().get(0).columns()).containsExactly("title");
        assertThat(replaced.defaultView()).as("saved again without 'default'").isNull();
        assertThat(replaced.with(view("Other"), true).without("Other").defaultView()).isNull();
        assertThat(views.without("Open").views()).isEmpty();
    }

    @Test
    void namesFiltersAndTheNumberOfViewsAreChecked() throws Exception {
        assertThatThrownBy(() -> ListViews.none().with(view(" "), false))
                .hasMessage("views.invalid.name");
        assertThatThrownBy(() -> ListViews.none().with(view("x".repeat(ListViews.MAX_NAME + 1)), false))
                .hasMessage("views.invalid.nameLength");
        assertThatThrownBy(() -> ListViews.none().with(new ListView("Long", List.of(),
                Map.of("title", "x".repeat(ListViews.MAX_FILTER + 1)), List.of()), false))
                .hasMessage("views.invalid.filterLength");
        ListViews full = ListViews.none();
        for (int i = 0; i < ListViews.MAX_VIEWS; i++) {
            full = full.with(view("View " + i), false);
        }
        ListViews twenty = full;
        assertThatThrownBy(() -> twenty.with(view("One more"), false)).hasMessage("views.invalid.tooMany");
        assertThat(twenty.with(view("View 3"), false).views()).hasSize(ListViews.MAX_VIEWS);
    }

    @Test
    void aStoredValueThatDoesNotFitIsReadAsFarAsItFits() {
        assertThat(ListViews.fromJson("[1,2]")).isEqualTo(ListViews.none());
        assertThat(ListViews.fromJson("not json")).isEqualTo(ListViews.none());
        ListViews odd = ListViews.fromJson("{\"default\":7,\"views\":[{\"name\":\"\"},{\"name\":\"A\",\"columns\":[1,\"x\"],"
                + "\"filters\":{\"x\":3,\"y\":\"z\"},\"sort\":\"-x\"},{\"name\":\"A\"},\"junk\"]}");
        assertThat(odd.defaultView()).isNull();
        assertThat(odd.views()).containsExactly(new ListView("A", List.of("x"), Map.of("y", "z"), List.of()));
    }

    @Test
    void preferenceKeysFitTheStoresRules() {
        assertThat(ListViews.preferenceKey("desk", "ticket", null)).isEqualTo("list-views.desk.type.ticket");
        assertThat(ListViews.preferenceKey("desk", "ticket", "open-tickets")).isEqualTo("list-views.desk.open-tickets");
        String longKey = ListViews.preferenceKey("a".repeat(63), "ticket", "b".repeat(63));
        assertThat(longKey).matches("list-views\\.h[0-9a-f]{64}").hasSizeLessThanOrEqualTo(100);
        assertThat(ListViews.preferenceKey("a".repeat(63), "ticket", "c".repeat(63))).isNotEqualTo(longKey);
    }
}
