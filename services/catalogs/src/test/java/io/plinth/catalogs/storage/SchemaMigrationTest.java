package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changing published types that hold data, against PostgreSQL. Each test works on an app of its own. */
class SchemaMigrationTest {

    private static TestDatabase db;

    @BeforeAll
    static void create() throws Exception {
        db = new TestDatabase();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void addingRenamingAndDroppingFieldsKeepsTheDataAsPlanned() throws SQLException {
        db.apply("people", TestDatabase.types("{'types': [{'key': 'person', 'fields': ["
                + "{'key': 'fullname', 'type': 'text', 'length': 100, 'unique': true},"
                + "{'key': 'age', 'type': 'integer', 'indexed': true},"
                + "{'key': 'nick', 'type': 'text'},"
                + "{'key': 'friends', 'type': 'reference', 'reference': {'type': 'person', 'cardinality': 'many'}}]}]}"),
                1, false);
        db.execute("INSERT INTO catalogs.people__person (id, fullname, age, nick, created_by, updated_by) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', 'Ada Lovelace', 36, 'ada', 'u', 'u'),"
                + " ('00000000-0000-0000-0000-000000000002', 'Alan Turing', 41, null, 'u', 'u')",
                "INSERT INTO catalogs.people__person__friends VALUES ('00000000-0000-0000-0000-000000000001',"
                + " '00000000-0000-0000-0000-000000000002')");

        List<TypeModel> v2 = TestDatabase.types("{'types': [{'key': 'person', 'fields': ["
                + "{'key': 'full_name', 'previousKey': 'fullname', 'type': 'text', 'length': 300, 'unique': true},"
                + "{'key': 'age', 'type': 'decimal', 'precision': 5, 'scale': 1, 'indexed': true},"
                + "{'key': 'email', 'type': 'text', 'length': 254},"
                + "{'key': 'pals', 'previousKey': 'friends', 'type': 'reference',"
                + " 'reference': {'type': 'person', 'cardinality': 'many'}}]}]}");
        refused(() -> db.apply("people", v2, 2, false), "data-loss-not-confirmed");
        MigrationPlan plan = db.apply("people", v2, 2, true);

        assertThat(plan.steps()).extracting(MigrationStep::kind).containsExactly("drop-field", "rename-field",
                "rename-field", "change-field-type", "change-field-type", "add-field");
        assertThat(plan.steps()).extracting(MigrationStep::dataLoss).containsExactly(true, false, false, false,
                false, false);
        assertThat(db.rows("SELECT full_name, age::text, email FROM catalogs.people__person ORDER BY full_name"))
                .containsExactly(Arrays.asList("Ada Lovelace", "36.0", null), Arrays.asList("Alan Turing", "41.0", null));
        assertThat(db.columns("people__person")).endsWith(
                "full_name character varying(300)", "age numeric(5,1)", "email character varying(254)");
        assertThat(db.rows("SELECT source::text, target::text FROM catalogs.people__person__pals")).containsExactly(
                List.of("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"));
        assertThat(db.constraints("people__person")).contains(
                "people__person__full_name$key u UNIQUE (full_name)");
        assertThat(indexes("people__person")).containsExactly("people__person$pkey", "people__person__age$idx",
                "people__person__full_name$key");
        assertThat(indexes("people__person__pals")).containsExactly("people__person__pals$pkey",
                "people__person__pals$target_idx");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.people__person (full_name, created_by, updated_by)"
                + " VALUES ('Ada Lovelace', 'u', 'u')")).hasMessageContaining("people__person__full_name$key");
        assertThat(db.rows("SELECT version::text, data_loss_confirmed::text FROM catalogs.schema_migration"
                + " WHERE app = 'people' ORDER BY id")).containsExactly(List.of("1", "false"), List.of("2", "true"));
    }

    @Test
    void aDataLosingPlanIsRefusedUntilConfirmedAndChangesNothingMeanwhile() throws SQLException {
        db.apply("loss", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'text'},"
                + " {'key': 'b', 'type': 'text'}]}, {'key': 'gone', 'fields': []}]}"), 1, false);
        db.execute("INSERT INTO catalogs.loss__item (a, b, created_by, updated_by) VALUES ('keep', 'lose', 'u', 'u')",
                "INSERT INTO catalogs.loss__gone (created_by, updated_by) VALUES ('u', 'u')");
        List<TypeModel> v2 = TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'text'},"
                + " {'key': 'c', 'type': 'integer'}]}]}");

        ProblemException refusal = refused(() -> db.apply("loss", v2, 2, false), "data-loss-not-confirmed");
        assertThat(refusal.problem().status()).isEqualTo(409);
        assertThat(refusal.problem().errors()).extracting(FieldError::message)
                .containsExactly("Drop field item.b", "Drop type gone (table \"catalogs\".\"loss__gone\")");
        assertThat(db.single("SELECT b FROM catalogs.loss__item")).isEqualTo("lose");
        assertThat(db.single("SELECT to_regclass('catalogs.loss__gone')::text")).isEqualTo("catalogs.loss__gone");
        assertThat(db.single("SELECT version::text FROM catalogs.app_schema WHERE app = 'loss'")).isEqualTo("1");
        assertThat(db.columns("loss__item")).noneMatch(c -> c.startsWith("c "));

        db.apply("loss", v2, 2, true);
        assertThat(db.rows("SELECT a, c FROM catalogs.loss__item")).containsExactly(Arrays.asList("keep", null));
        assertThat(db.single("SELECT to_regclass('catalogs.loss__gone')::text")).isNull();
        assertThat(db.single("SELECT version::text FROM catalogs.app_schema WHERE app = 'loss'")).isEqualTo("2");
    }

    @Test
    void droppingWhatHoldsNoDataNeedsNoConfirmation() throws SQLException {
        db.apply("empty", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'text'},"
                + " {'key': 'unused', 'type': 'text'}]}, {'key': 'never', 'fields': []}]}"), 1, false);
        db.execute("INSERT INTO catalogs.empty__item (a, created_by, updated_by) VALUES ('x', 'u', 'u')");
        MigrationPlan plan = db.apply("empty", TestDatabase.types("{'types': [{'key': 'item', 'fields': ["
                + "{'key': 'a', 'type': 'text'}]}]}"), 2, false);
        assertThat(plan.dataLoss()).isTrue();
        assertThat(db.single("SELECT to_regclass('catalogs.empty__never')::text")).isNull();
        assertThat(db.rows("SELECT count(*)::text FROM catalogs.schema_migration WHERE app = 'empty'"
                + " AND data_loss_confirmed")).containsExactly(List.of("0"));
    }

    @Test
    void roundingDecimalsIsDataLossOnlyWhenAValueChanges() throws SQLException {
        db.apply("money", TestDatabase.types("{'types': [{'key': 'price', 'fields': [{'key': 'amount',"
                + " 'type': 'decimal', 'precision': 10, 'scale': 2}]}]}"), 1, false);
        db.execute("INSERT INTO catalogs.money__price (amount, created_by, updated_by) VALUES (12.30, 'u', 'u')");
        List<TypeModel> oneDecimal = TestDatabase.types("{'types': [{'key': 'price', 'fields': [{'key': 'amount',"
                + " 'type': 'decimal', 'precision': 10, 'scale': 1}]}]}");
        assertThat(db.apply("money", oneDecimal, 2, false).dataLoss()).isTrue();
        assertThat(db.single("SELECT amount::text FROM catalogs.money__price")).isEqualTo("12.3");

        db.execute("UPDATE catalogs.money__price SET amount = 12.4");
        List<TypeModel> whole = TestDatabase.types("{'types': [{'key': 'price', 'fields': [{'key': 'amount',"
                + " 'type': 'integer'}]}]}");
        refused(() -> db.apply("money", whole, 3, false), "data-loss-not-confirmed");
        db.apply("money", whole, 3, true);
        assertThat(db.single("SELECT amount::text FROM catalogs.money__price")).isEqualTo("12");
    }

    @Test
    void aTypeChangeThatCannotBeConvertedIsRefusedWithTheFieldPath() throws SQLException {
        db.apply("conv", TestDatabase.types("{'types': [{'key': 'a', 'fields': [{'key': 'day', 'type': 'date'},"
                + " {'key': 'to', 'type': 'reference', 'reference': {'type': 'a'}}]}, {'key': 'b', 'fields': []}]}"),
                1, false);
        ProblemException refusal = refused(() -> db.apply("conv", TestDatabase.types("{'types': [{'key': 'a',"
                + " 'fields': [{'key': 'day', 'type': 'boolean'}, {'key': 'to', 'type': 'reference',"
                + " 'reference': {'type': 'b'}}]}, {'key': 'b', 'fields': []}]}"), 2, true), "schema-change-refused");
        assertThat(refusal.problem().errors()).containsExactly(
                new FieldError("types[0].fields[0].type", "cannot change from date to boolean"),
                new FieldError("types[0].fields[1].type", "a reference cannot change the type it points to (a to b):"
                        + " add a new field instead"));
        assertThat(db.columns("conv__a")).contains("day date");
        refused(() -> db.apply("conv", TestDatabase.types("{'types': [{'key': 'a', 'fields': ["
                + "{'key': 'day', 'type': 'date'}, {'key': 'to', 'type': 'text'}]}, {'key': 'b', 'fields': []}]}"),
                2, true), "schema-change-refused");
    }

    @Test
    void convertibleChangesConvertTheStoredValues() throws SQLException {
        db.apply("cast", TestDatabase.types("{'types': [{'key': 'row', 'fields': [{'key': 'n', 'type': 'text'},"
                + " {'key': 'd', 'type': 'date'}, {'key': 'e', 'type': 'enum', 'values': ['x', 'y']},"
                + " {'key': 'j', 'type': 'integer'}, {'key': 'w', 'type': 'text', 'length': 10}]}]}"), 1, false);
        db.execute("INSERT INTO catalogs.cast__row (n, d, e, j, w, created_by, updated_by)"
                + " VALUES (' 42 ', '2024-05-06', 'y', 7, 'abc', 'u', 'u')");
        db.apply("cast", TestDatabase.types("{'types': [{'key': 'row', 'fields': [{'key': 'n', 'type': 'integer'},"
                + " {'key': 'd', 'type': 'timestamp'}, {'key': 'e', 'type': 'text', 'length': 5},"
                + " {'key': 'j', 'type': 'json'}, {'key': 'w', 'type': 'enum', 'values': ['abc', 'def']}]}]}"), 2, false);
        assertThat(db.rows("SELECT n::text, extract(epoch FROM d)::bigint::text, e, j::text, w FROM catalogs.cast__row"))
                .containsExactly(List.of("42", "1714953600", "y", "7", "abc"));
        assertThat(db.constraints("cast__row")).contains(
                "cast__row__w$check c CHECK ((w = ANY (ARRAY['abc'::text, 'def'::text])))")
                .noneMatch(c -> c.startsWith("cast__row__e$check"));
    }

    @Test
    void aLateFailureRollsTheWholePlanBack() throws SQLException {
        db.apply("late", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'code', 'type': 'text'},"
                + " {'key': 'name', 'type': 'text', 'length': 50}]}]}"), 1, false);
        db.execute("INSERT INTO catalogs.late__item (code, name, created_by, updated_by)"
                + " VALUES ('same', 'first', 'u', 'u'), ('same', 'second', 'u', 'u')");
        List<String> columnsBefore = db.columns("late__item");

        ProblemException failure = refused(() -> db.apply("late", TestDatabase.types("{'types': ["
                + "{'key': 'extra', 'fields': [{'key': 'x', 'type': 'integer'}]},"
                + "{'key': 'item', 'fields': [{'key': 'title', 'previousKey': 'name', 'type': 'text', 'length': 80},"
                + " {'key': 'code', 'type': 'text', 'unique': true},"
                + " {'key': 'added', 'type': 'boolean', 'default': true}]}]}"), 2, false), "migration-step-failed");
        assertThat(failure.problem().detail()).contains("Make item.code unique").contains("23505");

        assertThat(db.columns("late__item")).isEqualTo(columnsBefore);
        assertThat(db.single("SELECT to_regclass('catalogs.late__extra')::text")).isNull();
        assertThat(db.rows("SELECT code, name FROM catalogs.late__item ORDER BY name"))
                .containsExactly(List.of("same", "first"), List.of("same", "second"));
        assertThat(db.rows("SELECT version::text FROM catalogs.app_schema WHERE app = 'late'"))
                .containsExactly(List.of("1"));
        assertThat(db.single("SELECT count(*)::text FROM catalogs.schema_migration WHERE app = 'late'")).isEqualTo("1");
    }

    @Test
    void narrowingFailsLoudlyWhenAValueDoesNotFitInsteadOfCuttingIt() throws SQLException {
        db.apply("narrow", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'name', 'type': 'text',"
                + " 'length': 20}, {'key': 'state', 'type': 'enum', 'values': ['a', 'b', 'c']}]}]}"), 1, false);
        db.execute("INSERT INTO catalogs.narrow__item (name, state, created_by, updated_by)"
                + " VALUES ('twelve chars', 'c', 'u', 'u')");
        MigrationPlan dryRun;
        try (var connection = db.connect()) {
            dryRun = MigrationRunner.plan(connection, "narrow", TestDatabase.types("{'types': [{'key': 'item',"
                    + " 'fields': [{'key': 'name', 'type': 'text', 'length': 5}, {'key': 'state', 'type': 'enum',"
                    + " 'values': ['a', 'b']}]}]}"), null);
        }
        assertThat(dryRun.steps()).extracting(MigrationStep::risk).containsExactly(
                "fails if a value is longer than 5 characters", null, "fails if a record holds another value");
        refused(() -> db.apply("narrow", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'name',"
                + " 'type': 'text', 'length': 5}, {'key': 'state', 'type': 'enum', 'values': ['a', 'b', 'c']}]}]}"),
                2, true), "migration-step-failed");
        refused(() -> db.apply("narrow", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'name',"
                + " 'type': 'text', 'length': 20}, {'key': 'state', 'type': 'enum', 'values': ['a', 'b']}]}]}"),
                2, true), "migration-step-failed");
        db.apply("narrow", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'name', 'type': 'text',"
                + " 'length': 12}, {'key': 'state', 'type': 'enum', 'values': ['c', 'd']}]}]}"), 2, false);
        assertThat(db.rows("SELECT name, state FROM catalogs.narrow__item"))
                .containsExactly(List.of("twelve chars", "c"));
    }

    @Test
    void makingAFieldRequiredFillsEmptyValuesWithTheDefaultOrFails() throws SQLException {
        db.apply("req", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'integer'},"
                + " {'key': 'b', 'type': 'integer'}]}]}"), 1, false);
        db.execute("INSERT INTO catalogs.req__item (a, b, created_by, updated_by) VALUES (null, null, 'u', 'u')");
        refused(() -> db.apply("req", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a',"
                + " 'type': 'integer'}, {'key': 'b', 'type': 'integer', 'required': true}]}]}"), 2, false),
                "migration-step-failed");
        refused(() -> db.apply("req", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a',"
                + " 'type': 'integer'}, {'key': 'b', 'type': 'integer'}, {'key': 'c', 'type': 'text',"
                + " 'required': true}]}]}"), 2, false), "migration-step-failed");
        db.apply("req", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'integer',"
                + " 'required': true, 'default': 5}, {'key': 'b', 'type': 'integer'}, {'key': 'c', 'type': 'text',"
                + " 'required': true, 'default': 'none'}]}]}"), 2, false);
        assertThat(db.rows("SELECT a::text, c FROM catalogs.req__item")).containsExactly(List.of("5", "none"));
        assertThat(db.columns("req__item")).contains("a bigint NOT NULL '5'::bigint",
                "c character varying(255) NOT NULL 'none'::character varying(255)");
    }

    @Test
    void referencesChangeTheirDeleteBehaviourAndDroppedTypesTakeTheirReferencesAlong() throws SQLException {
        String v1 = "{'types': [{'key': 'parent', 'fields': [{'key': 'peer', 'type': 'reference',"
                + " 'reference': {'type': 'child'}}]}, {'key': 'child', 'fields': [{'key': 'up', 'type': 'reference',"
                + " 'reference': {'type': 'parent', 'onDelete': 'restrict'}}, {'key': 'links', 'type': 'reference',"
                + " 'reference': {'type': 'parent', 'cardinality': 'many'}}]}]}";
        db.apply("refs", TestDatabase.types(v1), 1, false);
        db.apply("refs", TestDatabase.types(v1.replace("'restrict'", "'cascade'")), 2, false);
        assertThat(db.constraints("refs__child")).contains("refs__child__up$fkey f FOREIGN KEY (up)"
                + " REFERENCES catalogs.refs__parent(id) ON DELETE CASCADE");

        db.apply("refs", TestDatabase.types("{'types': [{'key': 'other', 'fields': []}]}"), 3, false);
        assertThat(db.rows("SELECT relname FROM pg_class WHERE relname LIKE 'refs%' AND relkind = 'r'"))
                .containsExactly(List.of("refs__other"));
    }

    @Test
    void aPartitionedTypeMovesItsRowsWhenItsPartitionFieldChangesAndKeepsItsPartitioning() throws SQLException {
        db.apply("part", TestDatabase.types("{'types': [{'key': 'doc', 'securityPartition': 'unit', 'fields':"
                + " [{'key': 'unit', 'type': 'text'}, {'key': 'region', 'type': 'enum', 'values': ['n', 's']}]},"
                + " {'key': 'note', 'fields': [{'key': 'doc', 'type': 'reference', 'reference': {'type': 'doc'}}]}]}"),
                1, false);
        db.execute("SELECT catalogs.ensure_partitions('catalogs.part__doc', ARRAY['u1'])",
                "INSERT INTO catalogs.part__doc (unit, region, partition, created_by, updated_by)"
                        + " VALUES ('u1', 'n', 'u1', 'u', 'u')",
                "INSERT INTO catalogs.part__note (doc, \"doc$partition\", created_by, updated_by)"
                        + " SELECT id, partition, 'u', 'u' FROM catalogs.part__doc");
        assertThatThrownBy(() -> db.execute("UPDATE catalogs.part__doc SET unit = 'u2'"))
                .hasMessageContaining("part__doc$partition");

        MigrationPlan moved = db.apply("part", TestDatabase.types("{'types': [{'key': 'doc', 'securityPartition':"
                + " 'area', 'fields': [{'key': 'unit', 'type': 'text'}, {'key': 'area', 'previousKey': 'region',"
                + " 'type': 'enum', 'values': ['n', 's']}]},"
                + " {'key': 'note', 'fields': [{'key': 'doc', 'type': 'reference', 'reference': {'type': 'doc'}}]}]}"),
                2, false);
        assertThat(moved.steps()).extracting(MigrationStep::kind)
                .containsExactly("drop-partition-key", "rename-field", "set-partition-key");
        assertThat(db.rows("SELECT partition, tableoid::regclass::text FROM catalogs.part__doc"))
                .containsExactly(List.of("n", "catalogs.\"part__doc$" + partitionHash("part__doc", "n") + "\""));
        assertThat(db.single("SELECT \"doc$partition\" FROM catalogs.part__note")).isEqualTo("n");

        String unpartitioned = "{'types': [{'key': 'doc', 'fields': [{'key': 'unit', 'type': 'text'},"
                + " {'key': 'area', 'type': 'enum', 'values': ['n', 's']}]},"
                + " {'key': 'note', 'fields': [{'key': 'doc', 'type': 'reference', 'reference': {'type': 'doc'}}]}]}";
        assertThatThrownBy(() -> db.apply("part", TestDatabase.types(unpartitioned), 3, false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors()).containsExactly(
                        new FieldError("types[0].securityPartition", "a type created with a security partition keeps"
                                + " one: its table is partitioned by it")));
        assertThatThrownBy(() -> db.apply("part", TestDatabase.types("{'types': [{'key': 'doc', 'securityPartition':"
                + " 'area', 'fields': [{'key': 'unit', 'type': 'text'}, {'key': 'area', 'type': 'enum', 'values':"
                + " ['n', 's']}]}, {'key': 'note', 'securityPartition': 'doc', 'fields': [{'key': 'doc', 'type':"
                + " 'reference', 'reference': {'type': 'doc'}}]}]}"), 3, false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors()).extracting(
                        FieldError::field).containsExactly("types[1].securityPartition"));
        assertThat(db.single("SELECT version::text FROM catalogs.app_schema WHERE app = 'part'")).isEqualTo("2");
    }

    /** The name ensure_partitions gives a partition: the table's first 30 characters, $, a hash of both. */
    private static String partitionHash(String table, String value) throws SQLException {
        return db.single("SELECT substr(md5('" + table + "/" + value + "'), 1, 24)");
    }

    @Test
    void versionsAreAppliedOnceAndAStalePlanIsRefused() throws SQLException {
        List<TypeModel> v1 = TestDatabase.types("{'types': [{'key': 't', 'fields': []}]}");
        db.apply("ver", v1, 1, false);
        assertThat(db.apply("ver", v1, 1, false).steps()).isEmpty();
        refused(() -> db.apply("ver", TestDatabase.types("{'types': []}"), 1, true), "schema-version-conflict");
        try (var connection = db.connect()) {
            assertThatThrownBy(() -> MigrationRunner.apply(connection, "ver", v1, 2, 7L, false, "tester"))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().code()).isEqualTo("schema-changed"));
            assertThat(MigrationRunner.apply(connection, "ver", v1, 1, 7L, false, "tester").steps()).isEmpty();
        }
        assertThat(db.apply("ver", v1, 2, false).steps()).isEmpty();
        assertThat(db.single("SELECT version::text FROM catalogs.app_schema WHERE app = 'ver'")).isEqualTo("2");
    }

    @Test
    void removingAnAppDropsItsTablesOnlyForTheExpectedVersionAndWithDataLossConfirmed() throws SQLException {
        String v1 = "{'types': [{'key': 'order', 'fields': [{'key': 'customer', 'type': 'reference',"
                + " 'reference': {'type': 'customer'}}, {'key': 'tags', 'type': 'reference',"
                + " 'reference': {'type': 'customer', 'cardinality': 'many'}}]},"
                + " {'key': 'customer', 'fields': [{'key': 'name', 'type': 'text', 'unique': true}]}]}";
        db.apply("gone", TestDatabase.types(v1), 1, false);
        db.execute("INSERT INTO catalogs.gone__customer (name, created_by, updated_by) VALUES ('Ada', 'u', 'u')",
                "INSERT INTO catalogs.record_history (app, type, record_id, version, operation, changed_by, changes)"
                        + " SELECT 'gone', 'customer', id, 1, 'created', 'u', '{}' FROM catalogs.gone__customer");
        String tables = "SELECT relname FROM pg_class WHERE relname LIKE 'gone\\_\\_%' AND relkind = 'r' ORDER BY 1";
        assertThat(db.rows(tables)).hasSize(3);

        refused(() -> db.remove("gone", 2L, true), "schema-changed");
        ProblemException refusal = refused(() -> db.remove("gone", 1L, false), "data-loss-not-confirmed");
        assertThat(refusal.problem().errors()).extracting(FieldError::message)
                .containsExactly("Drop type customer (table \"catalogs\".\"gone__customer\")");
        assertThat(db.rows(tables)).as("a refusal changes nothing").hasSize(3);

        MigrationPlan removal = db.remove("gone", 1L, true);
        assertThat(removal.fromVersion()).isEqualTo(1L);
        assertThat(removal.toVersion()).isNull();
        assertThat(removal.steps()).extracting(MigrationStep::kind)
                .containsExactly("drop-link", "drop-reference", "drop-type", "drop-type");
        assertThat(db.rows(tables)).isEmpty();
        assertThat(db.single("SELECT count(*)::text FROM catalogs.app_schema WHERE app = 'gone'")).isEqualTo("0");
        assertThat(db.single("SELECT count(*)::text FROM catalogs.record_history WHERE app = 'gone'")).isEqualTo("0");
        assertThat(db.rows("SELECT coalesce(version::text, 'none'), coalesce(from_version::text, 'none'),"
                + " data_loss_confirmed::text"
                + " FROM catalogs.schema_migration WHERE app = 'gone' ORDER BY id"))
                .containsExactly(List.of("1", "none", "false"), List.of("none", "1", "true"));

        assertThat(db.remove("gone", null, false).steps()).as("nothing left to remove").isEmpty();
        assertThat(db.apply("gone", TestDatabase.types(v1), 1, false).fromVersion())
                .as("the app starts afresh").isNull();
        assertThat(db.rows(tables)).hasSize(3);
    }

    /**
     * As in a deployment where the service user owns the tables and is no superuser: FORCE holds it
     * to the policies, and a migration sees the rows it would drop only through the maintenance
     * policy, which releasing the other policies must leave in place.
     */
    @Test
    void aMigrationByANonSuperuserOwnerStillSeesTheDataItWouldDrop() throws SQLException {
        db.apply("own", TestDatabase.types("{'types': [{'key': 'item', 'fields': [{'key': 'a', 'type': 'text'}]}]}"),
                1, false);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            AccessPolicies.secure(connection, "own", JsonValue.EMPTY_JSON_ARRAY, "tester");
            connection.commit();
        }
        db.execute("INSERT INTO catalogs.own__item (a, created_by, updated_by) VALUES ('kept', 'u', 'u')");
        String owner = "plinth_test_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        db.execute("CREATE ROLE " + owner + " NOLOGIN NOSUPERUSER", "GRANT USAGE ON SCHEMA catalogs TO " + owner,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON catalogs.app_schema, catalogs.schema_migration,"
                        + " catalogs.app_access TO " + owner,
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA catalogs TO " + owner,
                "ALTER TABLE catalogs.own__item OWNER TO " + owner);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + owner);
            }
            AccessPolicies.release(connection, "own");
            refused(() -> MigrationRunner.apply(connection, "own", TestDatabase.types("{'types': [{'key': 'item',"
                    + " 'fields': []}]}"), 2, null, false, "tester"), "data-loss-not-confirmed");
            connection.rollback();
        } finally {
            db.execute("ALTER TABLE catalogs.own__item OWNER TO postgres", "DROP OWNED BY " + owner,
                    "DROP ROLE " + owner);
        }
    }

    @Test
    void longKeysGiveDeterministicNamesWithinPostgresLimit() throws SQLException {
        String app = "a" + "-long-app-key".repeat(4) + "-abcdefghi";
        String type = "t".repeat(30);
        String field = "f".repeat(30);
        String model = "{'types': [{'key': '" + type + "', 'fields': [{'key': '" + field + "', 'type': 'text',"
                + " 'unique': true}, {'key': 'g" + "g".repeat(29) + "', 'type': 'integer', 'indexed': true},"
                + " {'key': 'many_links', 'type': 'reference', 'reference': {'type': '" + type
                + "', 'cardinality': 'many'}}]}]}";
        db.apply(app, TestDatabase.types(model), 1, false);
        List<String> names = db.rows("SELECT relname FROM pg_class WHERE relname LIKE 'a-long-app-key%'"
                + " ORDER BY relname").stream().map(r -> r.get(0)).toList();
        assertThat(names).hasSize(7).allMatch(n -> n.length() == 63 && n.charAt(50) == '#');
        assertThat(names).contains(new StorageNames(app).tableName(type));
        db.apply(app, TestDatabase.types(model.replace("'indexed': true", "'indexed': false")), 2, false);
        assertThat(db.single("SELECT count(*)::text FROM pg_class WHERE relname LIKE 'a-long-app-key%'"))
                .isEqualTo("6");
    }

    @Test
    void hostileDefaultsAreStoredAsPlainValues() throws SQLException {
        List<String> hostile = List.of("'); DROP TABLE catalogs.record; --", "\\'; DROP TABLE catalogs.record; --",
                "$$; DROP TABLE catalogs.record; $$", "a\\\\b\\nc", "\"quoted\"", "line\nbreak", "ünïcødé ☃");
        jakarta.json.JsonArrayBuilder fields = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < hostile.size(); i++) {
            fields.add(jakarta.json.Json.createObjectBuilder().add("key", "f" + i).add("type", "text")
                    .add("default", hostile.get(i)));
        }
        fields.add(jakarta.json.Json.createObjectBuilder().add("key", "j").add("type", "json").add("default",
                jakarta.json.Json.createObjectBuilder().add("x'); DROP TABLE catalogs.record; --", "\\'")));
        List<TypeModel> types = TypeModelParser.parse(jakarta.json.Json.createObjectBuilder().add("types",
                jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder().add("key", "t")
                        .add("fields", fields))).build());
        db.apply("hostile", types, 1, false);
        db.execute("INSERT INTO catalogs.hostile__t (created_by, updated_by) VALUES ('u', 'u')");

        List<String> stored = db.rows("SELECT f0, f1, f2, f3, f4, f5, f6 FROM catalogs.hostile__t").get(0);
        assertThat(stored).isEqualTo(hostile);
        assertThat(db.single("SELECT j ->> 'x''); DROP TABLE catalogs.record; --' FROM catalogs.hostile__t"))
                .isEqualTo("\\'");
        assertThat(db.single("SELECT to_regclass('catalogs.record')::text")).isEqualTo("catalogs.record");
    }

    private static List<String> indexes(String table) throws SQLException {
        return db.indexes(table);
    }

    static ProblemException refused(ThrowingCallable call, String code) {
        ProblemException[] caught = new ProblemException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().code()).as(e.problem().detail()).isEqualTo(code);
            caught[0] = e;
        });
        return caught[0];
    }
}
