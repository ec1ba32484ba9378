package io.plinth.studio.design;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DraftDocumentTest {

    @Test
    void aModelReadAndNotChangedIsSavedExactlyAsItWasRead() throws Exception {
        JsonObject example = example();

        assertThat(DraftDocument.parse(example).toJson()).isEqualTo(example);
    }

    @Test
    void aBareModelStaysBare() {
        JsonObject bare = json("{'modelVersion': 1, 'key': 'ledger', 'name': 'Ledger'}");

        assertThat(DraftDocument.parse(bare).toJson()).isEqualTo(bare);
    }

    @Test
    void typesAndFieldsAreAddedInTheModelsFormat() {
        DraftDocument draft = DraftDocument.parse(json("{'modelVersion': 1, 'key': 'shop', 'name': 'Shop'}"));
        draft.addType();
        TypeDesign customer = draft.getTypes().get(0);
        customer.setKey("customer");
        customer.setName("Customer");
        customer.addField();
        FieldDesign name = customer.getFields().get(0);
        name.setKey("name");
        name.setLength("200");
        name.setRequired(true);
        customer.addField();
        FieldDesign group = customer.getFields().get(1);
        group.setKey("grp");
        group.setType("enum");
        group.setValues("north, south ,east");
        group.getDefaultValue().setText("north");
        draft.addType();
        TypeDesign order = draft.getTypes().get(1);
        order.setKey("order");
        order.addField();
        FieldDesign ref = order.getFields().get(0);
        ref.setKey("customer");
        ref.setType("reference");
        ref.setReferenceType("customer");
        ref.setCardinality("one");
        ref.setOnDelete("cascade");
        order.addField();
        FieldDesign total = order.getFields().get(1);
        total.setKey("total");
        total.setType("decimal");
        total.setPrecision("12");
        total.setScale("2");
        total.getDefaultValue().setText("0.50");
        total.setComputed(true);

        assertThat(draft.toJson()).isEqualTo(json("""
                {'modelVersion': 1, 'key': 'shop', 'name': 'Shop', 'types': [
                  {'key': 'customer', 'name': 'Customer', 'fields': [
                    {'key': 'name', 'type': 'text', 'required': true, 'length': 200},
                    {'key': 'grp', 'type': 'enum', 'values': ['north', 'south', 'east'], 'default': 'north'}]},
                  {'key': 'order', 'fields': [
                    {'key': 'customer', 'type': 'reference',
                     'reference': {'type': 'customer', 'cardinality': 'one', 'onDelete': 'cascade'}},
                    {'key': 'total', 'type': 'decimal', 'computed': true, 'precision': 12, 'scale': 2,
                     'default': 0.50}]}]}"""));
    }

    @Test
    void switchingAFieldsTypeDropsTheAttributesOfTheOldType() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 't', 'fields': [
                  {'key': 'f', 'type': 'enum', 'values': ['x', 'y'], 'default': 'x'}]}]}"""));
        FieldDesign field = draft.getTypes().get(0).getFields().get(0);
        field.setType("integer");
        field.getDefaultValue().setText("42");

        assertThat(draft.toJson().getJsonArray("types").getJsonObject(0).getJsonArray("fields").getJsonObject(0))
                .isEqualTo(json("{'key': 'f', 'type': 'integer', 'default': 42}"));
    }

    @Test
    void whatDoesNotReadAsTheFieldsTypeIsSentAsTypedForViewServiceToExplain() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 't', 'fields': [{'key': 'f', 'type': 'text'}]}]}"""));
        FieldDesign field = draft.getTypes().get(0).getFields().get(0);
        field.setLength("lots");
        field.setType("text");

        assertThat(draft.toJson().getJsonArray("types").getJsonObject(0).getJsonArray("fields").getJsonObject(0)
                .getString("length")).isEqualTo("lots");
    }

    @Test
    void fieldOrderIsEditable() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 't', 'fields': [
                  {'key': 'one', 'type': 'text'}, {'key': 'two', 'type': 'text'}, {'key': 'three', 'type': 'text'}]}]}"""));
        TypeDesign type = draft.getTypes().get(0);
        type.moveDown(type.getFields().get(0));
        type.moveUp(type.getFields().get(2));
        type.moveUp(type.getFields().get(0));
        assertThat(type.getFieldKeys()).containsExactly("two", "three", "one");

        type.moveDown(type.getFields().get(2));
        type.removeField(type.getFields().get(1));
        assertThat(type.getFieldKeys()).containsExactly("two", "one");
    }

    @Test
    void rowRulesUseTheModelsVariablesForTheCurrentUserAndTheirGroups() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 'order', 'fields': [
                  {'key': 'grp', 'type': 'text'}, {'key': 'clerk', 'type': 'user'}, {'key': 'n', 'type': 'integer'}]}],
                 'roles': [{'key': 'sales'}]}"""));
        draft.addAccess();
        AccessDesign rule = draft.getAccess().get(0);
        rule.setUpdate(true);
        rule.setRead(true);
        ConditionList rows = rule.getRows();
        rows.add();
        rows.getItems().get(0).setField("grp");
        rows.getItems().get(0).setOp("in");
        rows.getItems().get(0).setSource(ConditionDesign.CURRENT_GROUPS);
        rows.add();
        rows.getItems().get(1).setField("clerk");
        rows.getItems().get(1).setOp("eq");
        rows.getItems().get(1).setSource(ConditionDesign.CURRENT_USER);
        rows.add();
        rows.getItems().get(2).setField("n");
        rows.getItems().get(2).setOp("in");
        rows.getItems().get(2).getValue().setText("1, 2");
        rows.add();
        rows.getItems().get(3).setField("n");
        rows.getItems().get(3).setOp("is-null");
        rows.getItems().get(3).getValue().setText("ignored");
        rule.addFieldRule();
        rule.getFields().get(0).setField("n");
        rule.getFields().get(0).setAccess("read-only");

        assertThat(draft.toJson().getJsonArray("access").getJsonObject(0)).isEqualTo(json("""
                {'role': 'sales', 'type': 'order', 'operations': ['read', 'update'], 'rows': [
                  {'field': 'grp', 'op': 'in', 'value': '$user.groups'},
                  {'field': 'clerk', 'op': 'eq', 'value': '$user.id'},
                  {'field': 'n', 'op': 'in', 'value': [1, 2]},
                  {'field': 'n', 'op': 'is-null'}],
                 'fields': [{'field': 'n', 'access': 'read-only'}]}"""));
        assertThat(DraftDocument.parse(draft.toJson()).getAccess().get(0).getRows().getItems().get(0).getSource())
                .isEqualTo(ConditionDesign.CURRENT_GROUPS);
    }

    @Test
    void formsAndListsAreWrittenWithTypedConditionValues() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 'c', 'fields': [
                  {'key': 'vip', 'type': 'boolean'}, {'key': 'name', 'type': 'text'}]}]}"""));
        draft.addForm();
        FormDesign form = draft.getForms().get(0);
        form.setKey("c-form");
        SectionDesign section = form.getSections().get(0);
        section.setTitle("Main");
        section.setColumns("2");
        section.addField();
        section.getFields().get(0).setField("name");
        section.addField();
        FormFieldDesign vip = section.getFields().get(1);
        vip.setField("vip");
        vip.setColumn("2");
        vip.getReadOnlyWhen().add();
        vip.getReadOnlyWhen().getItems().get(0).setField("created_by");
        vip.getReadOnlyWhen().getItems().get(0).setOp("ne");
        vip.getReadOnlyWhen().getItems().get(0).setSource(ConditionDesign.CURRENT_USER);
        draft.addList();
        ListDesign list = draft.getLists().get(0);
        list.setKey("cs");
        list.addColumn();
        list.getColumns().get(0).setField("name");
        list.getColumns().get(0).setWidth("200");
        list.getFilter().add();
        list.getFilter().getItems().get(0).setField("vip");
        list.getFilter().getItems().get(0).getValue().setText("true");
        list.addSort();
        list.getSort().get(0).setField("name");
        list.getSort().get(0).setDirection("desc");
        list.setPageSize("25");

        JsonObject saved = draft.toJson();
        assertThat(saved.getJsonArray("forms").getJsonObject(0)).isEqualTo(json("""
                {'key': 'c-form', 'type': 'c', 'sections': [{'title': 'Main', 'columns': 2, 'fields': [
                  {'field': 'name'},
                  {'field': 'vip', 'column': 2, 'readOnlyWhen': [{'field': 'created_by', 'op': 'ne', 'value': '$user.id'}]}]}]}"""));
        assertThat(saved.getJsonArray("lists").getJsonObject(0)).isEqualTo(json("""
                {'key': 'cs', 'type': 'c', 'columns': [{'field': 'name', 'width': 200}],
                 'filter': [{'field': 'vip', 'op': 'eq', 'value': true}],
                 'sort': [{'field': 'name', 'direction': 'desc'}], 'pageSize': 25}"""));
    }

    @Test
    void operationsKeepTheirOrderUntilTheyChange() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'access': [{'role': 'r', 'type': 't', 'operations': ['delete', 'read']}]}"""));
        assertThat(draft.toJson().getJsonArray("access").getJsonObject(0).getJsonArray("operations").toString())
                .isEqualTo("[\"delete\",\"read\"]");

        draft.getAccess().get(0).setCreate(true);
        assertThat(draft.toJson().getJsonArray("access").getJsonObject(0).getJsonArray("operations").toString())
                .isEqualTo("[\"read\",\"create\",\"delete\"]");
    }

    @Test
    void conditionsOfferTheTypesFieldsAndTheSystemFields() {
        DraftDocument draft = DraftDocument.parse(json("""
                {'key': 'a', 'name': 'A', 'types': [{'key': 't', 'fields': [{'key': 'x', 'type': 'date'}]}]}"""));

        assertThat(draft.fieldChoices("t")).containsExactly("x", "id", "created_at", "created_by", "updated_at",
                "updated_by", "owner");
        assertThat(draft.fieldType("t", "x")).isEqualTo("date");
        assertThat(draft.fieldType("t", "owner")).isEqualTo("user");
        assertThat(draft.fieldType("t", "nope")).isNull();
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static JsonObject example() throws Exception {
        try (InputStream in = DraftDocumentTest.class.getResourceAsStream("app-model-example.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}
