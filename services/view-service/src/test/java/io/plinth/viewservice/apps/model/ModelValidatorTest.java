package io.plinth.viewservice.apps.model;

import static io.plinth.viewservice.apps.model.Models.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

    private static List<FieldError> newApp(JsonObject model) {
        return ModelValidator.validate(model, ModelValidator.Context.newApp());
    }

    /** The errors of the orders model with {@code type} put in place of its first type. */
    private static List<FieldError> withType(String type) {
        JsonObject orders = Models.orders();
        JsonArrayBuilder types = Json.createArrayBuilder(orders.getJsonArray("types")).set(0, json(type));
        return newApp(Json.createObjectBuilder(orders).add("types", types)
                .add("forms", Json.createArrayBuilder()).add("lists", Json.createArrayBuilder())
                .add("navigation", Json.createArrayBuilder()).add("access", Json.createArrayBuilder()).build());
    }

    /** The errors of the orders model with one member replaced. */
    private static List<FieldError> with(String member, String value) {
        JsonObject orders = Models.orders();
        return newApp(Json.createObjectBuilder(orders).add(member, json("{'v': " + value + "}").get("v")).build());
    }

    private static List<String> paths(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(newApp(Models.orders())).isEmpty();
    }

    @Test
    void aKeyAndANameAreAWholeModel() {
        assertThat(newApp(json("{'key': 'ledger', 'name': 'Ledger'}"))).isEmpty();
    }

    @Test
    void badKeyAndBlankNameAreReportedInDocumentOrder() {
        List<FieldError> errors = newApp(json("{'key': 'Not A Key', 'name': ''}"));

        assertThat(errors).containsExactly(
                new FieldError("key", Keys.APP_RULE),
                new FieldError("name", "must not be blank"));
    }

    @Test
    void missingKeyAndNameAreRequired() {
        assertThat(newApp(json("{}"))).containsExactly(
                new FieldError("key", "is required"), new FieldError("name", "is required"));
    }

    @Test
    void theKeyOfAnExistingAppCannotChangeAndImportIsReserved() {
        assertThat(ModelValidator.validate(json("{'key': 'other', 'name': 'X'}"),
                ModelValidator.Context.draft("ledger", null)))
                .containsExactly(new FieldError("key", "must stay 'ledger': an app's key never changes"));
        assertThat(newApp(json("{'key': 'import', 'name': 'X'}")))
                .containsExactly(new FieldError("key", "'import' is reserved"));
    }

    @Test
    void onlyModelVersionOneIsRead() {
        assertThat(paths(newApp(json("{'modelVersion': 2, 'key': 'ledger', 'name': 'L'}")))).containsExactly("modelVersion");
        assertThat(paths(newApp(json("{'modelVersion': '1', 'key': 'ledger', 'name': 'L'}")))).containsExactly("modelVersion");
    }

    @Test
    void unknownPropertiesAreTyposNotExtensions() {
        assertThat(paths(newApp(json("{'key': 'ledger', 'name': 'L', 'tpyes': []}")))).containsExactly("tpyes");
        assertThat(paths(withType("{'key': 'customer', 'fields': [{'key': 'a', 'type': 'text', 'lenght': 5}]}")))
                .containsExactly("types[0].fields[0].lenght");
    }

    @Test
    void duplicateTypeAndFieldKeysNameTheFirstOccurrence() {
        JsonObject model = json("""
                {'key': 'ledger', 'name': 'L', 'types': [
                  {'key': 'a', 'fields': [{'key': 'x', 'type': 'text'}, {'key': 'x', 'type': 'integer'}]},
                  {'key': 'a', 'fields': []}]}""");

        assertThat(newApp(model)).containsExactly(
                new FieldError("types[0].fields[1].key", "duplicates types[0].fields[0].key: 'x'"),
                new FieldError("types[1].key", "duplicates types[0].key: 'a'"));
    }

    @Test
    void keySyntaxIsCheckedForTypesAndFields() {
        JsonObject model = json("""
                {'key': 'ledger', 'name': 'L', 'types': [
                  {'key': 'Bad-Type', 'fields': []},
                  {'key': 'ok', 'fields': [{'key': '9lives', 'type': 'text'}, {'key': 'a_very_long_field_key_of_31_chars', 'type': 'text'}]},
                  {'key': 'order__line', 'fields': [{'key': 'unit__price', 'type': 'decimal'}]}]}""");

        assertThat(newApp(model)).extracting(FieldError::field, FieldError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("types[0].key", Keys.TYPE_RULE),
                org.assertj.core.groups.Tuple.tuple("types[1].fields[0].key", Keys.TYPE_RULE),
                org.assertj.core.groups.Tuple.tuple("types[1].fields[1].key", Keys.TYPE_RULE),
                org.assertj.core.groups.Tuple.tuple("types[2].key", Keys.TYPE_RULE),
                org.assertj.core.groups.Tuple.tuple("types[2].fields[0].key", Keys.TYPE_RULE));
    }

    @Test
    void reservedFieldKeysAreRefused() {
        List<FieldError> errors = withType("{'key': 'customer', 'fields': [{'key': 'created_by', 'type': 'user'}]}");

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("types[0].fields[0].key");
        assertThat(errors.get(0).message()).startsWith("'created_by' is reserved for a system column");
        for (String hidden : List.of("tenant", "xmin", "ctid", "tableoid")) {
            assertThat(withType("{'key': 'customer', 'fields': [{'key': '" + hidden + "', 'type': 'text'}]}"))
                    .as(hidden).extracting(FieldError::field).containsExactly("types[0].fields[0].key");
        }
    }

    @Test
    void unknownFieldTypeListsTheKnownOnes() {
        List<FieldError> errors = withType("{'key': 'customer', 'fields': [{'key': 'price', 'type': 'money'}]}");

        assertThat(errors).containsExactly(new FieldError("types[0].fields[0].type",
                "unknown field type 'money': use one of text, integer, decimal, boolean, date, timestamp, enum, "
                        + "reference, user, file, json"));
        assertThat(paths(withType("{'key': 'customer', 'fields': [{'key': 'price'}]}")))
                .containsExactly("types[0].fields[0].type");
    }

    @Test
    void aReferenceMustNameATypeOfTheSameApp() {
        JsonObject model = json("""
                {'key': 'ledger', 'name': 'L', 'types': [
                  {'key': 'a', 'fields': [{'key': 'x', 'type': 'text'}]},
                  {'key': 'b', 'fields': [{'key': 'x', 'type': 'text'}, {'key': 'y', 'type': 'text'},
                     {'key': 'z', 'type': 'text'}, {'key': 'link', 'type': 'reference', 'reference': {'type': 'nowhere'}}]}]}""");

        assertThat(newApp(model)).containsExactly(
                new FieldError("types[1].fields[3].reference.type", "names no type of this app: 'nowhere'"));
    }

    @Test
    void aReferenceNeedsItsTargetAndValidOptions() {
        assertThat(paths(withType("{'key': 'customer', 'fields': [{'key': 'r', 'type': 'reference'}]}")))
                .containsExactly("types[0].fields[0].reference");
        assertThat(paths(withType("""
                {'key': 'customer', 'fields': [{'key': 'r', 'type': 'reference',
                  'reference': {'type': 'order', 'cardinality': 'several', 'onDelete': 'explode'}}]}""")))
                .containsExactly("types[0].fields[0].reference.cardinality", "types[0].fields[0].reference.onDelete");
        assertThat(paths(withType("{'key': 'customer', 'fields': [{'key': 'r', 'type': 'text', 'reference': {'type': 'order'}}]}")))
                .containsExactly("types[0].fields[0].reference");
    }

    @Test
    void setNullCannotBeUsedOnARequiredReference() {
        List<FieldError> errors = withType("""
                {'key': 'customer', 'fields': [{'key': 'r', 'type': 'reference', 'required': true,
                  'reference': {'type': 'order', 'onDelete': 'set-null'}}]}""");

        assertThat(errors).containsExactly(new FieldError("types[0].fields[0].reference.onDelete",
                "set-null cannot be used on a required field"));
        assertThat(paths(withType("""
                {'key': 'customer', 'fields': [{'key': 'r', 'type': 'reference',
                  'reference': {'type': 'order', 'cardinality': 'many', 'onDelete': 'set-null'}}]}""")))
                .containsExactly("types[0].fields[0].reference.onDelete");
    }

    @Test
    void aManyReferenceOrJsonFieldCannotBeUniqueOrIndexed() {
        assertThat(paths(withType("""
                {'key': 'customer', 'fields': [{'key': 'r', 'type': 'reference', 'unique': true,
                  'reference': {'type': 'order', 'cardinality': 'many'}}, {'key': 'j', 'type': 'json', 'indexed': true}]}""")))
                .containsExactly("types[0].fields[0].unique", "types[0].fields[1].indexed");
    }

    @Test
    void anEnumNeedsValidUniqueValues() {
        assertThat(withType("{'key': 'customer', 'fields': [{'key': 'e', 'type': 'enum'}]}"))
                .containsExactly(new FieldError("types[0].fields[0].values", "an enum field needs values: 1 to 200 keys"));
        assertThat(withType("{'key': 'customer', 'fields': [{'key': 'e', 'type': 'enum', 'values': []}]}"))
                .containsExactly(new FieldError("types[0].fields[0].values", "an enum field needs at least one value"));
        assertThat(paths(withType("{'key': 'customer', 'fields': [{'key': 'e', 'type': 'enum', 'values': ['a', 'a', 'B C']}]}")))
                .containsExactly("types[0].fields[0].values[1]", "types[0].fields[0].values[2]");
    }

    @Test
    void attributesBelongToTheirKindAndStayInRange() {
        assertThat(withType("{'key': 'customer', 'fields': [{'key': 'n', 'type': 'integer', 'length': 5}]}"))
                .containsExactly(new FieldError("types[0].fields[0].length", "applies only to text fields"));
        assertThat(paths(withType("""
                {'key': 'customer', 'fields': [{'key': 't', 'type': 'text', 'length': 10001},
                  {'key': 'd', 'type': 'decimal', 'precision': 39}, {'key': 'e', 'type': 'decimal', 'precision': 5, 'scale': 6},
                  {'key': 'f', 'type': 'text', 'required': 'yes'}]}""")))
                .containsExactly("types[0].fields[0].length", "types[0].fields[1].precision", "types[0].fields[2].scale",
                        "types[0].fields[3].required");
    }

    @Test
    void aDefaultMustBeAValueOfTheFieldsType() {
        List<FieldError> errors = withType("""
                {'key': 'customer', 'fields': [
                  {'key': 't', 'type': 'text', 'length': 3, 'default': 'abcd'},
                  {'key': 'i', 'type': 'integer', 'default': 1.5},
                  {'key': 'd', 'type': 'decimal', 'precision': 5, 'scale': 2, 'default': '1234.5'},
                  {'key': 'd2', 'type': 'decimal', 'precision': 5, 'scale': 2, 'default': 1.234},
                  {'key': 'b', 'type': 'boolean', 'default': 'yes'},
                  {'key': 'dt', 'type': 'date', 'default': '2026-02-30'},
                  {'key': 'ts', 'type': 'timestamp', 'default': '2026-01-01T10:00:00'},
                  {'key': 'e', 'type': 'enum', 'values': ['a'], 'default': 'b'},
                  {'key': 'r', 'type': 'reference', 'reference': {'type': 'order'}, 'default': 'x'},
                  {'key': 'big', 'type': 'integer', 'default': 99999999999999999999},
                  {'key': 'ok1', 'type': 'decimal', 'precision': 5, 'scale': 2, 'default': '123.40'},
                  {'key': 'ok2', 'type': 'user', 'default': '$user.id'},
                  {'key': 'ok3', 'type': 'json', 'default': {'any': [1]}},
                  {'key': 'ok4', 'type': 'timestamp', 'default': '2026-01-01T10:00:00+02:00'}]}""");

        assertThat(errors).extracting(FieldError::field).containsExactly(
                "types[0].fields[0].default", "types[0].fields[1].default", "types[0].fields[2].default",
                "types[0].fields[3].default", "types[0].fields[4].default", "types[0].fields[5].default",
                "types[0].fields[6].default", "types[0].fields[7].default", "types[0].fields[8].default",
                "types[0].fields[9].default");
        assertThat(errors.get(0).message()).isEqualTo(
                "is not valid for a text field: must be at most 3 characters (the field's length)");
        assertThat(errors.get(2).message()).contains("needs more than 3 digits before the decimal point");
        assertThat(errors.get(3).message()).contains("more than 2 decimal places");
        assertThat(errors.get(8).message()).isEqualTo("a reference field cannot have a default");
        assertThat(errors.get(9).message()).contains("64 bits");
    }

    @Test
    void aSecurityPartitionNamesAFieldThatCanPartition() {
        assertThat(withType("{'key': 'customer', 'securityPartition': 'zone', 'fields': [{'key': 'region', 'type': 'text'}]}"))
                .containsExactly(new FieldError("types[0].securityPartition", "names no field of type 'customer': 'zone'"));
        assertThat(paths(withType("{'key': 'customer', 'securityPartition': 'x', 'fields': [{'key': 'x', 'type': 'json'}]}")))
                .containsExactly("types[0].securityPartition");
    }

    @Test
    void sizesAreLimited() {
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (int i = 0; i <= TypeRules.MAX_TYPES; i++) {
            types.add(json("{'key': 't" + i + "', 'fields': []}"));
        }
        assertThat(newApp(Json.createObjectBuilder(json("{'key': 'ledger', 'name': 'L'}")).add("types", types).build()))
                .containsExactly(new FieldError("types", "has 201 types; at most 200 are allowed"));

        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (int i = 0; i <= TypeRules.MAX_FIELDS; i++) {
            fields.add(json("{'key': 'f" + i + "', 'type': 'text'}"));
        }
        JsonObject wide = Json.createObjectBuilder(json("{'key': 'wide'}")).add("fields", fields).build();
        assertThat(newApp(Json.createObjectBuilder(json("{'key': 'ledger', 'name': 'L'}"))
                .add("types", Json.createArrayBuilder().add(wide)).build()))
                .containsExactly(new FieldError("types[0].fields", "has 301 fields; at most 300 are allowed"));
    }

    @Test
    void aBrokenDocumentAnswersWithAtMostOneHundredErrors() {
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (int i = 0; i < 150; i++) {
            types.add(json("{'key': 'T" + i + "'}"));
        }
        assertThat(newApp(Json.createObjectBuilder(json("{'key': 'ledger', 'name': 'L'}")).add("types", types).build()))
                .hasSize(Findings.MAX_ERRORS);
    }

    @Test
    void renamesAreCheckedAgainstTheActiveVersion() {
        JsonObject active = json("""
                {'key': 'ledger', 'name': 'L', 'types': [{'key': 'a', 'fields': [
                  {'key': 'fullname', 'type': 'text'}, {'key': 'taken', 'type': 'text'}, {'key': 'other', 'type': 'text'}]}]}""");
        JsonObject draft = json("""
                {'key': 'ledger', 'name': 'L', 'types': [{'key': 'a', 'fields': [
                  {'key': 'full_name', 'previousKey': 'fullname', 'type': 'text'},
                  {'key': 'ghost', 'previousKey': 'nothing', 'type': 'text'},
                  {'key': 'taken', 'previousKey': 'other', 'type': 'text'},
                  {'key': 'twice', 'previousKey': 'fullname', 'type': 'text'},
                  {'key': 'same', 'previousKey': 'same', 'type': 'text'}]},
                  {'key': 'b', 'fields': [{'key': 'x', 'previousKey': 'y', 'type': 'text'}]}]}""");

        List<FieldError> errors = ModelValidator.validate(draft, ModelValidator.Context.draft("ledger", active));

        assertThat(errors).containsExactly(
                new FieldError("types[0].fields[1].previousKey", "names no field of type 'a' in the active version: 'nothing'"),
                new FieldError("types[0].fields[2].previousKey",
                        "cannot rename 'other' to 'taken': the active version already has a field 'taken'"),
                new FieldError("types[0].fields[3].previousKey", "'fullname' is already renamed by types[0].fields[0]"),
                new FieldError("types[0].fields[4].previousKey",
                        "is the field's own key: leave previousKey out when nothing is renamed"),
                new FieldError("types[1].fields[0].previousKey",
                        "type 'b' is not in the active version, so nothing in it can be renamed"));
    }

    @Test
    void aRenamedKeyMustBeGoneAndNeedsAnActiveVersion() {
        JsonObject active = json("{'key': 'ledger', 'name': 'L', 'types': [{'key': 'a', 'fields': [{'key': 'old', 'type': 'text'}]}]}");
        JsonObject draft = json("""
                {'key': 'ledger', 'name': 'L', 'types': [{'key': 'a', 'fields': [
                  {'key': 'new', 'previousKey': 'old', 'type': 'text'}, {'key': 'old', 'type': 'text'}]}]}""");

        assertThat(ModelValidator.validate(draft, ModelValidator.Context.draft("ledger", active))).containsExactly(
                new FieldError("types[0].fields[0].previousKey", "'old' is still a field of this type: a renamed key must be gone"));
        assertThat(ModelValidator.validate(draft, ModelValidator.Context.draft("ledger", null))).extracting(FieldError::message)
                .contains("there is no active version to rename 'old' from");
        assertThat(ModelValidator.validate(json("""
                {'key': 'ledger', 'name': 'L', 'types': [{'key': 'a', 'fields': [{'key': 'new', 'previousKey': 'old', 'type': 'text'}]}]}"""),
                ModelValidator.Context.draft("ledger", active))).isEmpty();
        assertThat(ModelValidator.validate(draft, ModelValidator.Context.republished("ledger")))
                .extracting(FieldError::field).containsExactly("types[0].fields[0].previousKey");
    }

    @Test
    void formsNameKnownTypesFieldsAndColumns() {
        List<FieldError> errors = with("forms", """
                [{'key': 'customer-form', 'type': 'customer', 'sections': [{'columns': 2, 'fields': [
                   {'field': 'nope'}, {'field': 'name', 'column': 3}, {'field': 'region'}, {'field': 'region'},
                   {'field': 'vip', 'visibleWhen': [{'field': 'ghost', 'op': 'eq', 'value': 1}]}]}]},
                 {'key': 'customer-form', 'type': 'nothing', 'sections': []}]""");

        assertThat(errors).containsExactly(
                new FieldError("forms[0].sections[0].fields[0].field", "names no field of type 'customer': 'nope'"),
                new FieldError("forms[0].sections[0].fields[1].column", "must be between 1 and 2"),
                new FieldError("forms[0].sections[0].fields[3].field",
                        "'region' is already on this form at forms[0].sections[0].fields[2]"),
                new FieldError("forms[0].sections[0].fields[4].visibleWhen[0].field",
                        "names no field of type 'customer': 'ghost'"),
                new FieldError("forms[1].key", "duplicates forms[0].key: 'customer-form'"),
                new FieldError("forms[1].type", "names no type of this app: 'nothing'"),
                new FieldError("forms[1].sections", "a form needs at least one section"));
    }

    @Test
    void listsNameKnownFieldsAndSortByComparableOnes() {
        List<FieldError> errors = with("lists", """
                [{'key': 'all-customers', 'type': 'customer', 'columns': [{'field': 'name'}, {'field': 'nope'}, {'field': 'name'}],
                  'filter': [{'field': 'vip', 'op': 'gt', 'value': true}, {'field': 'region', 'op': 'eq', 'value': 'east'},
                             {'field': 'extra', 'op': 'eq', 'value': 1}, {'field': 'name', 'op': 'is-null', 'value': 'x'},
                             {'field': 'name', 'op': 'like', 'value': 'x'}],
                  'sort': [{'field': 'extra'}, {'field': 'name', 'direction': 'up'}]},
                 {'key': 'empty', 'type': 'customer', 'columns': []}]""");

        assertThat(errors).extracting(FieldError::field).containsExactly(
                "lists[0].columns[1].field", "lists[0].columns[2].field",
                "lists[0].filter[0].op", "lists[0].filter[1].value", "lists[0].filter[2].op",
                "lists[0].filter[3].value", "lists[0].filter[4].op",
                "lists[0].sort[0].field", "lists[0].sort[1].direction", "lists[1].columns");
        assertThat(errors.get(2).message()).isEqualTo(
                "gt needs a text, number, date or timestamp field, and 'vip' is boolean");
        assertThat(errors.get(3).message()).startsWith("must be one of the field's values: north, south");
    }

    @Test
    void navigationOpensKnownFormsAndLists() {
        List<FieldError> errors = with("navigation", """
                [{'key': 'a', 'label': 'A', 'list': 'ghost-list'},
                 {'key': 'b', 'label': 'B', 'form': 'customer-form', 'list': 'all-customers'},
                 {'key': 'a', 'label': 'C', 'form': 'ghost-form'},
                 {'key': 'd', 'children': [{'key': 'e', 'label': 'E', 'children': [{'key': 'f', 'label': 'F',
                    'children': [{'key': 'g', 'label': 'G', 'list': 'all-customers'}]}]}]}]""");

        assertThat(errors).containsExactly(
                new FieldError("navigation[0].list", "names no list of this app: 'ghost-list'"),
                new FieldError("navigation[1]", "a navigation item needs exactly one of form, list or children"),
                new FieldError("navigation[2].key", "duplicates navigation[0].key: 'a'"),
                new FieldError("navigation[2].form", "names no form of this app: 'ghost-form'"),
                new FieldError("navigation[3].label", "is required"),
                new FieldError("navigation[3].children[0].children[0].children", "the navigation is at most 3 levels deep"));
    }

    @Test
    void accessRulesNameKnownRolesTypesAndFields() {
        List<FieldError> errors = with("access", """
                [{'role': 'ghost', 'type': 'customer', 'operations': ['read']},
                 {'role': 'clerk', 'type': 'nothing', 'operations': ['read']},
                 {'role': 'clerk', 'type': 'customer', 'operations': ['read', 'fly', 'read'],
                  'rows': [{'field': 'visits', 'op': 'eq', 'value': '$user.id'}, {'field': 'nope', 'op': 'is-null'},
                           {'field': 'region', 'op': 'eq', 'value': '$user.groups'}, {'field': 'name', 'op': 'eq', 'value': '$user.name'}],
                  'fields': [{'field': 'ghost', 'access': 'hidden'}, {'field': 'vip', 'access': 'invisible'},
                             {'field': 'credit', 'access': 'hidden'}, {'field': 'credit', 'access': 'read-only'}]},
                 {'role': 'clerk', 'type': 'customer', 'operations': []},
                 {'role': 'manager', 'type': 'order'}]""");

        assertThat(errors).extracting(FieldError::field).containsExactly(
                "access[0].role", "access[1].type",
                "access[2].operations[1]", "access[2].operations[2]",
                "access[2].rows[0].value", "access[2].rows[1].field", "access[2].rows[2].value", "access[2].rows[3].value",
                "access[2].fields[0].field", "access[2].fields[1].access", "access[2].fields[3].field",
                "access[3]", "access[4].operations");
        assertThat(errors.get(0).message()).isEqualTo("names no role of this app: 'ghost'");
        assertThat(errors.get(4).message()).isEqualTo("$user.id compares only with user or text fields, and 'visits' is integer");
        assertThat(errors.get(6).message()).isEqualTo("$user.groups is a list: use it with in or not-in");
        assertThat(errors.get(7).message()).isEqualTo("unknown variable '$user.name': use $user.id or $user.groups");
        assertThat(errors.get(11).message()).isEqualTo("duplicates access[2]: one rule per role and type");
    }

    @Test
    void rolesHaveUniqueKeys() {
        assertThat(with("roles", "[{'key': 'clerk'}, {'key': 'clerk'}, {'key': 'manager'}, {'name': 'x'}]"))
                .containsExactly(new FieldError("roles[1].key", "duplicates roles[0].key: 'clerk'"),
                        new FieldError("roles[3].key", "is required"));
    }

    @Test
    void slotsHoldObjectsWithUniqueKeysAndAnythingElse() {
        assertThat(with("workflows", "[{'key': 'a', 'x': 1}, {'key': 'a'}, {'nokey': true}, 5]")).containsExactly(
                new FieldError("workflows[1].key", "duplicates workflows[0].key: 'a'"),
                new FieldError("workflows[2].key", "is required"),
                new FieldError("workflows[3]", "must be an object with a key"));
        assertThat(with("scripts", "{}")).containsExactly(new FieldError("scripts", "must be an array of scripts"));
    }

    @Test
    void ownersAreUniqueStrings() {
        assertThat(with("owners", "['alice', 'alice', 3]")).extracting(FieldError::field)
                .containsExactly("owners[1]", "owners[2]");
    }

    @Test
    void aModelThatIsNoObjectIsReportedUnderItsRoot() {
        assertThat(ModelValidator.validate(Json.createArrayBuilder().build(), ModelValidator.Context.newApp(), "draft"))
                .containsExactly(new FieldError("draft", "must be a JSON object"));
        assertThat(ModelValidator.validate(json("{'key': 'ledger'}"), ModelValidator.Context.newApp(), "versions[0].model"))
                .containsExactly(new FieldError("versions[0].model.name", "is required"));
    }
}
