package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppModelFormsTest {

    @Test
    void aFormsSectionsColumnsAndConditionsAreRead() throws Exception {
        String json = """
                {"key":"crm","name":"CRM","types":[{"key":"customer","fields":[{"key":"name","type":"text"},
                   {"key":"vip","type":"boolean"},{"key":"credit","type":"decimal"},{"key":"region","type":"enum","values":["north"]}]}],
                 "forms":[{"key":"customer-form","type":"customer","sections":[
                   {"title":"Main","columns":2,"fields":[{"field":"name"},{"field":"region","column":2,"label":"Area"},
                     {"field":"credit","readOnlyWhen":[{"field":"vip","op":"eq","value":false}]},
                     {"field":"vip","visibleWhen":[{"field":"region","op":"in","value":["north","a,b"]},
                                                   {"field":"name","op":"is-not-null"}]},
                     {"field":"created_at","readOnly":true,"column":9}]}]}]}""";
        JsonObject model;
        try (var reader = Json.createReader(new StringReader(json))) {
            model = reader.readObject();
        }

        AppModel parsed = AppModelParser.parse(model, 1);

        ModelForm form = parsed.formOf("customer").orElseThrow();
        assertThat(parsed.formOf("order")).isEmpty();
        ModelForm.Section main = form.sections().get(0);
        assertThat(main.title()).isEqualTo("Main");
        assertThat(main.columns()).isEqualTo(2);
        assertThat(main.fields()).extracting(ModelForm.Field::field)
                .containsExactly("name", "region", "credit", "vip", "created_at");
        assertThat(main.fields().get(1).column()).isEqualTo(2);
        assertThat(main.fields().get(1).label()).isEqualTo("Area");
        assertThat(main.fields().get(2).readOnlyWhen()).containsExactly(new Condition("vip", "eq", List.of("false")));
        assertThat(main.fields().get(3).visibleWhen()).containsExactly(
                new Condition("region", "in", List.of("north", "a,b")), new Condition("name", "is-not-null", List.of()));
        assertThat(main.fields().get(4).readOnly()).isTrue();
        assertThat(main.fields().get(4).column()).as("at most the section's columns").isEqualTo(2);
    }
}
