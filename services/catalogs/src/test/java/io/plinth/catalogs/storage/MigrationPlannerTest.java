package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

    private static final String TWO_TYPES = "{'types': ["
            + "{'key': 'b', 'fields': [{'key': 'to_a', 'type': 'reference', 'reference': {'type': 'a'}},"
            + " {'key': 'many_a', 'type': 'reference', 'reference': {'type': 'a', 'cardinality': 'many',"
            + " 'onDelete': 'set-null'}}]},"
            + "{'key': 'a', 'fields': [{'key': 'to_b', 'type': 'reference', 'reference': {'type': 'b',"
            + " 'onDelete': 'cascade'}}]}]}";

    @Test
    void createsTablesFirstThenLinkTablesThenForeignKeysWhenEveryTableExists() {
        List<MigrationStep> steps = MigrationPlanner.plan("app", List.of(), TestDatabase.types(TWO_TYPES));

        assertThat(steps).extracting(MigrationStep::kind, MigrationStep::description).containsExactly(
                tuple("create-type", "Create type a (table \"catalogs\".\"app__a\")"),
                tuple("create-type", "Create type b (table \"catalogs\".\"app__b\")"),
                tuple("create-link", "Create the links of b.many_a to a (table \"catalogs\".\"app__b__many_a\")"),
                tuple("add-reference", "Reference b from a.to_b (on delete cascade)"),
                tuple("add-reference", "Reference a from b.to_a (on delete restrict)"));
        assertThat(steps).noneMatch(MigrationStep::dataLoss);
        assertThat(steps.get(2).sql().get(0)).contains("FOREIGN KEY (target) REFERENCES \"catalogs\".\"app__a\" (id)"
                + " ON DELETE CASCADE");
    }

    @Test
    void theOrderOfTypesInTheModelDoesNotChangeThePlan() {
        List<TypeModel> types = new ArrayList<>(TestDatabase.types(TWO_TYPES));
        List<MigrationStep> plan = MigrationPlanner.plan("app", List.of(), types);
        Collections.reverse(types);
        assertThat(MigrationPlanner.plan("app", List.of(), types)).isEqualTo(plan);
    }

    @Test
    void removesLinkTablesThenFieldsThenTypesWithTheReferencesBetweenThem() {
        List<TypeModel> before = TestDatabase.types(TWO_TYPES.replace("]}]}", "]}, {'key': 'c', 'fields': ["
                + "{'key': 'x', 'type': 'text'}, {'key': 'y', 'type': 'text'}]}]}"));
        List<TypeModel> after = TestDatabase.types("{'types': [{'key': 'c', 'fields': [{'key': 'x', 'type': 'text'}]}]}");

        List<MigrationStep> steps = MigrationPlanner.plan("app", before, after);

        assertThat(steps).extracting(MigrationStep::kind, MigrationStep::dataLoss).containsExactly(
                tuple("drop-link", true), tuple("drop-field", true), tuple("drop-reference", false),
                tuple("drop-type", true), tuple("drop-type", true));
        assertThat(steps.get(0).lossCheck()).isEqualTo("SELECT EXISTS (SELECT 1 FROM \"catalogs\".\"app__b__many_a\")");
        assertThat(steps.get(1).lossCheck()).isEqualTo("SELECT EXISTS (SELECT 1 FROM \"catalogs\".\"app__c\""
                + " WHERE \"y\" IS NOT NULL)");
        assertThat(steps.get(2).sql()).containsExactly(
                "ALTER TABLE \"catalogs\".\"app__a\" DROP CONSTRAINT \"app__a__to_b$fkey\"",
                "ALTER TABLE \"catalogs\".\"app__b\" DROP CONSTRAINT \"app__b__to_a$fkey\"");
    }

    @Test
    void aRenameCarriesTheFieldsConstraintsAndIndexesAlong() {
        List<TypeModel> before = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'old', 'type': 'enum',"
                + " 'values': ['a'], 'unique': true}, {'key': 'ref', 'type': 'reference', 'reference': {'type': 't'}}]}]}");
        List<TypeModel> after = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'new', 'previousKey':"
                + " 'old', 'type': 'enum', 'values': ['a'], 'unique': true}, {'key': 'parent', 'previousKey': 'ref',"
                + " 'type': 'reference', 'reference': {'type': 't'}}]}]}");

        assertThat(MigrationPlanner.plan("app", before, after)).flatExtracting(MigrationStep::sql).containsExactly(
                "ALTER TABLE \"catalogs\".\"app__t\" RENAME COLUMN \"old\" TO \"new\"",
                "ALTER TABLE \"catalogs\".\"app__t\" RENAME CONSTRAINT \"app__t__old$key\" TO \"app__t__new$key\"",
                "ALTER TABLE \"catalogs\".\"app__t\" RENAME CONSTRAINT \"app__t__old$check\" TO \"app__t__new$check\"",
                "ALTER TABLE \"catalogs\".\"app__t\" RENAME COLUMN \"ref\" TO \"parent\"",
                "ALTER TABLE \"catalogs\".\"app__t\" RENAME CONSTRAINT \"app__t__ref$fkey\" TO \"app__t__parent$fkey\"",
                "ALTER INDEX \"catalogs\".\"app__t__ref$idx\" RENAME TO \"app__t__parent$idx\"");
    }

    @Test
    void aPreviousKeyThatAnotherFieldStillUsesIsNotARename() {
        List<TypeModel> before = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'a', 'type': 'text'}]}]}");
        List<TypeModel> after = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'a', 'type': 'text'},"
                + " {'key': 'b', 'previousKey': 'a', 'type': 'text'}]}]}");
        assertThat(MigrationPlanner.plan("app", before, after)).extracting(MigrationStep::kind)
                .containsExactly("add-field");
    }

    @Test
    void anUnchangedModelNeedsNoStep() {
        List<TypeModel> types = TestDatabase.types(TWO_TYPES);
        assertThat(MigrationPlanner.plan("app", types, types)).isEmpty();
    }

    @Test
    void everyImpossibleChangeIsRefusedAtOnce() {
        List<TypeModel> before = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'a', 'type': 'json'},"
                + " {'key': 'b', 'type': 'reference', 'reference': {'type': 't'}}, {'key': 'c', 'type': 'user'},"
                + " {'key': 'd', 'type': 'boolean'}]}]}");
        List<TypeModel> after = TestDatabase.types("{'types': [{'key': 't', 'fields': [{'key': 'a', 'type': 'integer'},"
                + " {'key': 'b', 'type': 'reference', 'reference': {'type': 't', 'cardinality': 'many'}},"
                + " {'key': 'c', 'type': 'file'}, {'key': 'd', 'type': 'integer'}]}]}");

        assertThatThrownBy(() -> MigrationPlanner.plan("app", before, after))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(409);
                    assertThat(e.problem().code()).isEqualTo("schema-change-refused");
                    assertThat(e.problem().errors()).containsExactly(
                            new FieldError("types[0].fields[0].type", "cannot change from json to integer"),
                            new FieldError("types[0].fields[1].type", "a reference cannot change between one and many"
                                    + " records: add a new field instead"),
                            new FieldError("types[0].fields[2].type", "cannot change from user to file"),
                            new FieldError("types[0].fields[3].type", "cannot change from boolean to integer"));
                });
    }

    @Test
    void lossyAndRiskyConversionsAreMarked() {
        List<TypeModel> before = TestDatabase.types("{'types': [{'key': 't', 'fields': ["
                + "{'key': 'ts', 'type': 'timestamp'}, {'key': 'n', 'type': 'integer'}, {'key': 's', 'type': 'text'},"
                + " {'key': 'd', 'type': 'date'}]}]}");
        List<TypeModel> after = TestDatabase.types("{'types': [{'key': 't', 'fields': ["
                + "{'key': 'ts', 'type': 'date'}, {'key': 'n', 'type': 'text', 'length': 10},"
                + " {'key': 's', 'type': 'integer'}, {'key': 'd', 'type': 'json'}]}]}");

        assertThat(MigrationPlanner.plan("app", before, after))
                .extracting(MigrationStep::dataLoss, MigrationStep::risk).containsExactly(
                        tuple(true, null),
                        tuple(false, "fails if a value is longer than 10 characters"),
                        tuple(false, "fails if a value is not a whole number"),
                        tuple(false, null));
    }
}
