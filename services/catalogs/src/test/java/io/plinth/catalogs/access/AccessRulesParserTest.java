package io.plinth.catalogs.access;

import static io.plinth.catalogs.access.PolicyCompilerTest.MODEL;
import static io.plinth.catalogs.access.PolicyCompilerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.catalogs.storage.TypeModel;
import io.plinth.catalogs.storage.TypeModelParser;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesParserTest {

    private static final List<TypeModel> TYPES = TypeModelParser.parse(MODEL);

    private static List<FieldError> errors(String access) {
        return catchThrowableOfType(() -> AccessRulesParser.parse(json(
                "{'access': " + access + "}").get("access"), TYPES), ProblemException.class).problem().errors();
    }

    @Test
    void readsTheModelFormAndTheOutlineFormToTheSameRules() {
        AccessRules model = AccessRulesParser.parse(json("{'a': [{'role': 'clerk', 'type': 'item', 'operations':"
                + " ['read', 'update'], 'rows': [{'field': 'boss', 'op': 'eq', 'value': '$user.id'}], 'fields': ["
                + "{'field': 'qty', 'access': 'hidden'}, {'field': 'label', 'access': 'read-only'}]}]}").get("a"), TYPES);
        AccessRules outline = AccessRulesParser.parse(json("{'a': [{'role': 'clerk', 'type': 'item', 'operations':"
                + " ['update', 'read'], 'rows': {'field': 'boss', 'op': 'eq', 'value': '$user.id'}, 'fields':"
                + " {'hidden': ['qty'], 'readOnly': ['label']}}]}").get("a"), TYPES);
        assertThat(outline.toJson()).isEqualTo(model.toJson());
        AccessRule rule = model.forType("item").get(0);
        assertThat(rule.operations()).containsExactlyInAnyOrder(Operation.READ, Operation.UPDATE);
        assertThat(rule.hidden()).containsExactly("qty");
        TypeAccess access = TypeAccess.of(model.forType("item"), Set.of("clerk", "other"));
        assertThat(access.allows(Operation.READ)).isTrue();
        assertThat(access.allows(Operation.DELETE)).isFalse();
        assertThat(access.visible("qty")).isFalse();
        assertThat(access.visible("label")).isTrue();
        assertThat(access.writable("label", Operation.UPDATE)).isFalse();
        assertThat(access.writable("boss", Operation.UPDATE)).isTrue();
        assertThat(TypeAccess.of(model.forType("item"), Set.of("other")).allows(Operation.READ)).isFalse();
        assertThat(AccessRulesParser.parse(null, TYPES).rules()).isEmpty();
    }

    @Test
    void everyProblemComesBackWithItsPath() {
        assertThat(errors("[{'role': 'Bad Role', 'type': 'nope', 'operations': ['read', 'fly']},"
                + " {'role': 'a', 'type': 'item', 'operations': ['read'], 'rows': ["
                + "{'field': 'ghost', 'op': 'eq', 'value': 1},"
                + "{'field': 'qty', 'op': 'like', 'value': 1},"
                + "{'field': 'qty', 'op': 'eq', 'value': 'ten'},"
                + "{'field': 'label', 'op': 'in', 'value': '$user.id'},"
                + "{'field': 'boss', 'op': 'eq', 'value': '$user.name'},"
                + "{'field': 'links', 'op': 'is-null'},"
                + "{'field': 'qty', 'op': 'is-null', 'value': 1},"
                + "{'field': 'team', 'op': 'lt', 'value': 'red'}],"
                + " 'fields': [{'field': 'id', 'access': 'hidden'}, {'field': 'qty', 'access': 'secret'}]},"
                + " {'role': 'a', 'type': 'item', 'operations': []}]")).containsExactly(
                new FieldError("access[0].role", "must be 1 to 63 lower-case letters, digits, '_' or '-', starting with"
                        + " a letter"),
                new FieldError("access[0].type", "'nope' is not a type of this app"),
                new FieldError("access[0].operations[1]", "must be read, create, update or delete"),
                new FieldError("access[1].rows[0].field", "'ghost' is not a field of type 'item'"),
                new FieldError("access[1].rows[1].op", "must be one of eq, ne, lt, le, gt, ge, in, not-in, contains,"
                        + " is-null, is-not-null"),
                new FieldError("access[1].rows[2].value", "must be a whole number"),
                new FieldError("access[1].rows[3].value", "$user.id only compares (eq, ne) with a user or text field"),
                new FieldError("access[1].rows[4].value", "only $user.id and $user.groups are known"),
                new FieldError("access[1].rows[5].field", "a row rule cannot use a reference to many records"),
                new FieldError("access[1].rows[6].value", "is-null takes no value"),
                new FieldError("access[1].rows[7].op", "lt needs a text, number, date or timestamp field"),
                new FieldError("access[1].fields[0].field", "'id' is always visible"),
                new FieldError("access[1].fields[1].access", "must be hidden or read-only"));
        assertThat(errors("{'role': 'a'}")).containsExactly(new FieldError("access", "must be an array of access rules"));
        assertThat(errors("[{'role': 'a', 'type': 'item', 'operations': []}, {'role': 'a', 'type': 'item',"
                + " 'operations': ['read']}]")).containsExactly(new FieldError("access[1]",
                "role 'a' already has a rule for type 'item'"));
    }
}
