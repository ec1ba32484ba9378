package io.plinth.studio.design;

import static io.plinth.studio.design.DraftDocumentTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTest {

    private final DraftDocument draft = DraftDocument.parse(json("""
            {'key': 'a', 'name': 'A', 'types': [{'key': 'c', 'fields': [
              {'key': 'name', 'name': 'Full name', 'type': 'text', 'required': true},
              {'key': 'region', 'type': 'enum', 'values': ['north', 'south']},
              {'key': 'total', 'type': 'decimal', 'computed': true}]}],
             'forms': [{'key': 'f', 'type': 'c', 'sections': [{'title': 'Main', 'columns': 2, 'fields': [
               {'field': 'name'}, {'field': 'region', 'column': 2, 'label': 'Area'}, {'field': 'total', 'column': 4},
               {'field': 'created_at'}]}]}],
             'lists': [{'key': 'l', 'type': 'c', 'columns': [
               {'field': 'region', 'width': 120}, {'field': 'name', 'label': 'Who'}, {'field': 'total', 'width': 5}]}]}"""));

    @Test
    void aFormsFieldsSitInTheirColumns() {
        List<FormPreview.Section> sections = FormPreview.of(draft.getForms().get(0), draft);

        assertThat(sections).hasSize(1);
        FormPreview.Section main = sections.get(0);
        assertThat(main.title()).isEqualTo("Main");
        assertThat(main.columns()).hasSize(2);
        assertThat(main.columns().get(0)).extracting(FormPreview.Placed::label).containsExactly("Full name", "created_at");
        assertThat(main.columns().get(1)).extracting(FormPreview.Placed::label).as("column 4 of 2 goes to the last")
                .containsExactly("Area", "total");
        assertThat(main.columns().get(0).get(0).isRequired()).isTrue();
        assertThat(main.columns().get(0).get(0).isLocked()).isFalse();
        assertThat(main.columns().get(0).get(1).isLocked()).as("a system field").isTrue();
        assertThat(main.columns().get(1).get(1).isLocked()).as("computed").isTrue();
        assertThat(main.columns().get(1).get(0).kind()).isEqualTo("enum");
    }

    @Test
    void aListShowsItsHeadingsWidthsAndSampleValues() {
        List<ListPreview.Column> columns = ListPreview.of(draft.getLists().get(0), draft);

        assertThat(columns).extracting(ListPreview.Column::heading).containsExactly("region", "Who", "total");
        assertThat(columns).extracting(ListPreview.Column::width).containsExactly(120, null, null);
        assertThat(columns.get(0).samples()).containsExactly("north", "south", "north");
        assertThat(columns.get(1).samples()).containsExactly("Full name 1", "Full name 2", "Full name 3");
        assertThat(draft.getLists().get(0).getPageSizeNumber()).isEqualTo(50);
    }
}
