package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing the sample app (every field type, references, a many-to-many, a type partitioned by
 * its security partition field) against PostgreSQL.
 */
class SchemaLayoutTest {

    private static final List<String> SYSTEM_COLUMNS = List.of(
            "id uuid NOT NULL gen_random_uuid()",
            "app character varying(63) NOT NULL 'shop'::character varying",
            "version bigint NOT NULL 1",
            "created_at timestamp with time zone NOT NULL now()",
            "created_by character varying(64) NOT NULL",
            "updated_at timestamp with time zone NOT NULL now()",
            "updated_by character varying(64) NOT NULL",
            "owner uuid",
            "tenant character varying(63) NOT NULL ''::character varying",
            "partition text");

    private static TestDatabase db;

    @BeforeAll
    static void publish() throws Exception {
        db = new TestDatabase();
        db.apply("shop", TypeModelParser.parse(TestDatabase.resource("/storage/shop.json")), 1, false);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void createsOneTableInheritingTheRecordTablePerTypeAndOneLinkTablePerManyReference() throws SQLException {
        assertThat(db.rows("SELECT c.relname, c.relkind::text, coalesce(p.relname, '-') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent"
                + " WHERE n.nspname = 'catalogs' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND c.relname LIKE 'shop%' ORDER BY 1"))
                .containsExactly(List.of("shop__customer", "p", "-"), List.of("shop__order", "r", "record"),
                        List.of("shop__order__tags", "r", "-"), List.of("shop__tag", "r", "record"));
        assertThat(db.single("SELECT pg_get_partkeydef('catalogs.shop__customer'::regclass)"))
                .isEqualTo("LIST (partition)");
    }

    @Test
    void aPartitionedTypeGetsAPartitionPerValueOnItsFirstWrite() throws SQLException {
        String ensure = "SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['south', 'north'])";
        db.execute(ensure, ensure);
        assertThat(db.rows("SELECT pg_get_expr(c.relpartbound, c.oid), (SELECT count(*) FROM pg_index x"
                + " WHERE x.indrelid = c.oid)::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'catalogs.shop__customer'::regclass ORDER BY 1")).contains(
                List.of("FOR VALUES IN ('north')", "6"), List.of("FOR VALUES IN ('south')", "6"));
        assertThatThrownBy(() -> db.execute("SELECT catalogs.ensure_partitions('catalogs.shop__tag', ARRAY['x'])"))
                .hasMessageContaining("not a partitioned table of catalogs");
        // Each partition's keys carry the type table's key names, so errors still name their field.
        assertThat(db.rows("SELECT indexname FROM pg_indexes WHERE schemaname = 'catalogs'"
                + " AND tablename LIKE 'shop\\_\\_customer$%' AND indexname LIKE 'shop\\_\\_customer\\_\\_name$key$%'"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void twoFirstWritesOfOneValueMakeOnePartition() throws Exception {
        String ensure = "SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['east'])";
        try (Connection first = db.connect(); Connection second = db.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().execute(ensure);
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    second.createStatement().execute(ensure);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> db.single("SELECT count(*) FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND NOT granted"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").equals("1"));
            first.commit();
            waiting.get(10, TimeUnit.SECONDS);
        }
        assertThat(db.single("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'catalogs.shop__customer'::regclass"
                + " AND pg_get_expr(c.relpartbound, c.oid) = 'FOR VALUES IN (''east'')'")).isEqualTo("1");
    }

    @Test
    void customerHasATypedColumnPerFieldWithNullabilityAndDefaults() throws SQLException {
        assertThat(columns("shop__customer")).containsExactlyElementsOf(concat(system("customer"), List.of(
                "name character varying(200) NOT NULL",
                "region text NOT NULL 'north'::text",
                "credit numeric(12,2) 0.00::numeric(12,2)",
                "vip boolean false",
                "since date '2024-02-29'::date",
                "seen timestamp with time zone",
                "visits bigint '0'::bigint",
                "manager uuid",
                "contract uuid",
                "extra jsonb '{\"tags\": [\"a\"], \"level\": 1}'::jsonb",
                "code character varying(20)")).stream()
                .map(c -> c.equals("partition text") ? "partition text NOT NULL" : c).toList());
    }

    @Test
    void orderHasReferenceColumnsAndEscapedDefaults() throws SQLException {
        // A timestamptz default is shown in the session's time zone; its value is checked by reading a row back.
        assertThat(columns("shop__order")).map(c -> c.replaceFirst("^(placed_at .* NOT NULL) '.*'::timestamp.*$", "$1 '…'"))
                .containsExactlyElementsOf(concat(system("order"), List.of(
                        "number bigint NOT NULL",
                        "customer uuid NOT NULL",
                        "referrer uuid",
                        "parent uuid",
                        "total numeric(12,2)",
                        "placed_at timestamp with time zone NOT NULL '…'",
                        "note character varying(255) 'it''s a \\ test'::character varying(255)",
                        "status text 'new'::text",
                        "customer$partition text",
                        "referrer$partition text")));
        assertThat(columns("shop__order__tags")).containsExactly("source uuid NOT NULL", "target uuid NOT NULL");
        assertThat(columns("shop__tag")).containsExactlyElementsOf(concat(system("tag"),
                List.of("label character varying(50) NOT NULL")));
    }

    @Test
    void constraintsAreExactlyTheKeysChecksAndForeignKeysOfTheModel() throws SQLException {
        assertThat(constraints("shop__customer")).containsExactly(
                "shop__customer$partition c CHECK ((partition = COALESCE(region, ''::text)))",
                "shop__customer$pkey p PRIMARY KEY (id, partition)",
                "shop__customer$record c CHECK ((((app)::text = 'shop'::text) AND ((type)::text = 'customer'::text)))",
                "shop__customer$version c CHECK ((version >= 1))",
                "shop__customer__code$key u UNIQUE (code, partition)",
                "shop__customer__name$key u UNIQUE (name, partition)",
                "shop__customer__region$check c CHECK ((region = ANY (ARRAY['north'::text, 'south'::text])))");
        assertThat(constraints("shop__order")).containsExactly(
                "record_version_positive c CHECK ((version >= 1))",
                "shop__order$pkey p PRIMARY KEY (id)",
                "shop__order$record c CHECK ((((app)::text = 'shop'::text) AND ((type)::text = 'order'::text)))",
                "shop__order__customer$fkey f FOREIGN KEY (customer, \"customer$partition\")"
                        + " REFERENCES catalogs.shop__customer(id, partition) MATCH FULL ON UPDATE CASCADE ON DELETE RESTRICT",
                "shop__order__number$key u UNIQUE (number)",
                "shop__order__parent$fkey f FOREIGN KEY (parent) REFERENCES catalogs.shop__order(id) ON DELETE CASCADE",
                "shop__order__referrer$fkey f FOREIGN KEY (referrer, \"referrer$partition\")"
                        + " REFERENCES catalogs.shop__customer(id, partition) MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL",
                "shop__order__status$check c CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text, 'shipped'::text])))");
        assertThat(constraints("shop__order__tags")).containsExactly(
                "shop__order__tags$pkey p PRIMARY KEY (source, target)",
                "shop__order__tags$source f FOREIGN KEY (source) REFERENCES catalogs.shop__order(id) ON DELETE CASCADE",
                "shop__order__tags$target f FOREIGN KEY (target) REFERENCES catalogs.shop__tag(id) ON DELETE RESTRICT");
        assertThat(constraints("shop__tag")).containsExactly(
                "record_version_positive c CHECK ((version >= 1))",
                "shop__tag$pkey p PRIMARY KEY (id)",
                "shop__tag$record c CHECK ((((app)::text = 'shop'::text) AND ((type)::text = 'tag'::text)))",
                "shop__tag__label$key u UNIQUE (label)");
    }

    @Test
    void indexesCoverKeysIndexedFieldsReferencesAndThePartition() throws SQLException {
        assertThat(db.rows("SELECT indexname, regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes"
                + " WHERE schemaname = 'catalogs' AND tablename LIKE 'shop%' AND tablename NOT LIKE '%$%' ORDER BY 1")
                .stream().map(r -> r.get(0) + " " + r.get(1)).toList()).containsExactly(
                "shop__customer$pkey btree (id, partition)",
                "shop__customer__code$key btree (code, partition)",
                "shop__customer__extra$idx gin (extra)",
                "shop__customer__manager$idx btree (manager)",
                "shop__customer__name$key btree (name, partition)",
                "shop__customer__visits$idx btree (visits)",
                "shop__order$pkey btree (id)",
                "shop__order__customer$idx btree (customer)",
                "shop__order__number$key btree (number)",
                "shop__order__parent$idx btree (parent)",
                "shop__order__referrer$idx btree (referrer)",
                "shop__order__status$idx btree (status)",
                "shop__order__tags$pkey btree (source, target)",
                "shop__order__tags$target_idx btree (target)",
                "shop__tag$pkey btree (id)",
                "shop__tag__label$key btree (label)");
    }

    @Test
    void recordsGetTheirAppTypeAndDefaultsAndAreSeenThroughThePrimaryTable() throws SQLException {
        db.execute("SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['north'])",
                "INSERT INTO catalogs.shop__customer (name, partition, created_by, updated_by)"
                + " VALUES ('Ada', 'north', 'u', 'u')");
        db.execute("INSERT INTO catalogs.shop__tag (label, created_by, updated_by) VALUES ('blue', 'u', 'u')");
        // A partitioned table cannot inherit: partitioned types are not below the primary table.
        assertThat(db.rows("SELECT app, type, version::text FROM catalogs.record"))
                .containsExactly(List.of("shop", "tag", "1"));
        assertThat(db.rows("SELECT app, type, version::text FROM catalogs.shop__customer"))
                .containsExactly(List.of("shop", "customer", "1"));
        assertThat(db.rows("SELECT region, credit::text, vip::text, since::text, visits::text, extra::text"
                + " FROM catalogs.shop__customer")).containsExactly(
                List.of("north", "0.00", "false", "2024-02-29", "0", "{\"tags\": [\"a\"], \"level\": 1}"));
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.record (app, type, created_by, updated_by)"
                + " VALUES ('shop', 'customer', 'u', 'u')")).hasMessageContaining("record_holds_no_rows");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__customer (name, type, partition, created_by,"
                + " updated_by) VALUES ('Bob', 'order', 'north', 'u', 'u')")).hasMessageContaining("shop__customer$record");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__customer (name, region, partition, created_by,"
                + " updated_by) VALUES ('Eve', 'south', 'north', 'u', 'u')"))
                .hasMessageContaining("shop__customer$partition");
        db.execute("SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['west'])");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__customer (name, region, partition, created_by,"
                + " updated_by) VALUES ('Eve', 'west', 'west', 'u', 'u')"))
                .hasMessageContaining("shop__customer__region$check");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__customer (name, region, partition,"
                + " created_by, updated_by) VALUES ('Eve', 'north', 'nowhere', 'u', 'u')"))
                .hasMessageContaining("no partition of relation");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__order (number, customer, created_by,"
                + " updated_by) SELECT 1, id, 'u', 'u' FROM catalogs.shop__customer WHERE name = 'Ada'"))
                .hasMessageContaining("MATCH FULL");
        db.execute("INSERT INTO catalogs.shop__order (number, customer, \"customer$partition\", created_by, updated_by)"
                + " SELECT 1, id, partition, 'u', 'u' FROM catalogs.shop__customer WHERE name = 'Ada'");
        assertThat(db.rows("SELECT note, status, extract(epoch FROM placed_at)::bigint::text FROM catalogs.shop__order"))
                .containsExactly(List.of("it's a \\ test", "new", "1704096000"));
        db.execute("DELETE FROM catalogs.shop__order", "DELETE FROM catalogs.shop__customer",
                "DELETE FROM catalogs.shop__tag");
    }

    @Test
    void foreignKeysFollowTheConfiguredDeleteBehaviour() throws SQLException {
        db.execute("SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['north'])",
                "INSERT INTO catalogs.shop__customer (id, name, partition, created_by, updated_by) VALUES"
                        + " ('00000000-0000-0000-0000-00000000000a', 'Ann', 'north', 'u', 'u'),"
                        + " ('00000000-0000-0000-0000-00000000000b', 'Ben', 'north', 'u', 'u')",
                "INSERT INTO catalogs.shop__tag (id, label, created_by, updated_by) VALUES"
                        + " ('00000000-0000-0000-0000-0000000000f1', 'red', 'u', 'u')",
                "INSERT INTO catalogs.shop__order (id, number, customer, \"customer$partition\", referrer,"
                        + " \"referrer$partition\", created_by, updated_by) VALUES"
                        + " ('00000000-0000-0000-0000-000000000001', 10, '00000000-0000-0000-0000-00000000000a', 'north',"
                        + " '00000000-0000-0000-0000-00000000000b', 'north', 'u', 'u')",
                "INSERT INTO catalogs.shop__order (id, number, customer, \"customer$partition\", parent, created_by,"
                        + " updated_by) VALUES ('00000000-0000-0000-0000-000000000002', 11,"
                        + " '00000000-0000-0000-0000-00000000000a', 'north', '00000000-0000-0000-0000-000000000001',"
                        + " 'u', 'u')",
                "INSERT INTO catalogs.shop__order__tags VALUES ('00000000-0000-0000-0000-000000000001',"
                        + " '00000000-0000-0000-0000-0000000000f1')");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__order (number, customer,"
                + " \"customer$partition\", created_by, updated_by) VALUES (12, '00000000-0000-0000-0000-0000000000ff',"
                + " 'north', 'u', 'u')")).hasMessageContaining("shop__order__customer$fkey");
        assertThatThrownBy(() -> db.execute("INSERT INTO catalogs.shop__order (number, customer,"
                + " \"customer$partition\", created_by, updated_by) VALUES (12, '00000000-0000-0000-0000-00000000000a',"
                + " 'south', 'u', 'u')")).hasMessageContaining("shop__order__customer$fkey");
        // PostgreSQL checks a reference to a partitioned table with a copy of its key per partition.
        assertThatThrownBy(() -> db.execute("DELETE FROM catalogs.shop__customer WHERE name = 'Ann'"))
                .hasMessageContaining("is still referenced from table \"shop__order\"");
        assertThatThrownBy(() -> db.execute("DELETE FROM catalogs.shop__tag"))
                .hasMessageContaining("shop__order__tags$target");

        // A record that moves to another partition takes the references to it along.
        db.execute("SELECT catalogs.ensure_partitions('catalogs.shop__customer', ARRAY['south'])",
                "UPDATE catalogs.shop__customer SET region = 'south', partition = 'south' WHERE name = 'Ann'");
        assertThat(db.single("SELECT \"customer$partition\" FROM catalogs.shop__order WHERE number = 10"))
                .isEqualTo("south");

        db.execute("DELETE FROM catalogs.shop__customer WHERE name = 'Ben'");
        assertThat(db.single("SELECT referrer FROM catalogs.shop__order WHERE number = 10")).isNull();

        db.execute("DELETE FROM catalogs.shop__order WHERE number = 10");
        assertThat(db.single("SELECT count(*) FROM catalogs.shop__order")).isEqualTo("0");
        assertThat(db.single("SELECT count(*) FROM catalogs.shop__order__tags")).isEqualTo("0");
        db.execute("DELETE FROM catalogs.shop__tag", "DELETE FROM catalogs.shop__customer");
    }

    @Test
    void theAppliedTypesAndPlanAreRecorded() throws SQLException {
        assertThat(db.rows("SELECT version::text, applied_by, jsonb_array_length(types)::text FROM catalogs.app_schema"
                + " WHERE app = 'shop'")).containsExactly(List.of("1", "tester", "3"));
        assertThat(db.rows("SELECT version::text, from_version::text, data_loss_confirmed::text,"
                + " jsonb_array_length(plan -> 'steps')::text FROM catalogs.schema_migration WHERE app = 'shop'"))
                .containsExactly(java.util.Arrays.asList("1", null, "false", "7"));
    }

    private static List<String> system(String type) {
        List<String> columns = new java.util.ArrayList<>(SYSTEM_COLUMNS);
        columns.add(2, "type character varying(30) NOT NULL '" + type + "'::character varying");
        return columns;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> columns(String table) throws SQLException {
        return db.columns(table);
    }

    private static List<String> constraints(String table) throws SQLException {
        return db.constraints(table);
    }
}
