package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.catalogs.access.CallerScope;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security with several users, roles, groups and rules (src/test/resources/records/crm.json),
 * through the service's own code path on a superuser connection: no user reads, counts, filters,
 * sorts by, updates or deletes a row outside their rules, by any way in, bulk included, and
 * WITH CHECK stops them writing a row they could not then see.
 */
class RowSecurityTest {

    private static final String A = "00000000-0000-0000-0000-00000000000a";
    private static final String B = "00000000-0000-0000-0000-00000000000b";
    private static final Caller ADMIN = caller("00000000-0000-0000-0000-0000000000ad", Set.of("admin"), Set.of());
    private static final Caller MANAGER_A = caller(A, Set.of("sales-manager", "user"), Set.of("south"));
    private static final Caller MANAGER_B = caller(B, Set.of("sales-manager"), Set.of());
    private static final Caller CLERK_NORTH = caller("00000000-0000-0000-0000-0000000000c1", Set.of("clerk"),
            Set.of("north", "staff"));
    private static final Caller AUDITOR = caller("00000000-0000-0000-0000-0000000000d1", Set.of("auditor"), Set.of());
    private static final Caller NOBODY = caller("00000000-0000-0000-0000-0000000000e1", Set.of("user"),
            Set.of("north", "south"));

    private static RecordsDatabase db;
    private static String northA;
    private static String southA;
    private static String northB;
    private static String southB;
    private static String obrien;
    private static String orderOfNorthB;

    @BeforeAll
    static void create() throws Exception {
        db = new RecordsDatabase();
        db.apply("crm", RecordsDatabase.resource("/records/crm.json"), 1);
        northA = customer("North A", "north", A, false);
        southA = customer("South A", "south", A, true);
        northB = customer("North B", "north", B, true);
        southB = customer("South B", "south", B, false);
        obrien = customer("O'Brien; DROP TABLE x", "south", null, false);
        String red = db.as(ADMIN, "crm", s -> s.create("tag", json("{'label': 'red'}"))).getString("id");
        orderOfNorthB = db.as(ADMIN, "crm", s -> s.create("order", json("{'customer': '" + northB + "', 'tags': ['"
                + red + "']}"))).getString("id");
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    private static String customer(String name, String region, String manager, boolean vip) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name).add("region", region).add("vip", vip)
                .add("credit", 100).add("notes", "secret");
        if (manager != null) {
            body.add("manager", manager);
        }
        return db.as(ADMIN, "crm", s -> s.create("customer", body.build())).getString("id");
    }

    private static List<String> names(Caller caller, String... parameters) throws Exception {
        JsonObject page = query(caller, parameters);
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("name")).toList();
    }

    private static JsonObject query(Caller caller, String... parameters) throws Exception {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String parameter : parameters) {
            int eq = parameter.indexOf('=');
            map.computeIfAbsent(parameter.substring(0, eq), k -> new ArrayList<>()).add(parameter.substring(eq + 1));
        }
        return db.as(caller, "crm", s -> s.query("customer", map));
    }

    @Test
    void eachCallerReadsAndCountsOnlyTheRowsOfTheirRules() throws Exception {
        assertThat(names(ADMIN, "sort=name")).containsExactly("North A", "North B", "O'Brien; DROP TABLE x",
                "South A", "South B");
        assertThat(names(MANAGER_A, "sort=name")).containsExactly("North A", "South A");
        assertThat(names(MANAGER_B, "sort=name")).containsExactly("North B", "South B");
        assertThat(names(CLERK_NORTH, "sort=name")).containsExactly("North A", "North B");
        assertThat(names(AUDITOR, "sort=name")).containsExactly("North A", "South B");
        assertThat(query(MANAGER_A).getInt("total")).isEqualTo(2);
        assertThat(query(CLERK_NORTH, "filter=vip:eq:true").getInt("total")).isEqualTo(1);
        refused(() -> query(NOBODY), 403, "operation-not-allowed");

        refused(() -> db.as(MANAGER_A, "crm", s -> s.get("customer", northB, null)), 404, "not-found");
        assertThat(db.as(MANAGER_B, "crm", s -> s.get("customer", northB, null)).getString("name"))
                .isEqualTo("North B");
        refused(() -> db.as(CLERK_NORTH, "crm", s -> s.get("customer", southA, null)), 404, "not-found");
        refused(() -> db.as(MANAGER_A, "crm", s -> s.history("customer", northB)), 404, "not-found");
    }

    @Test
    void filtersAndSortsNeverReachRowsOutsideTheRules() throws Exception {
        assertThat(query(MANAGER_A, "filter=name:eq:North B").getJsonArray("items")).isEmpty();
        assertThat(query(MANAGER_A, "filter=name:eq:North B").getInt("total")).isZero();
        assertThat(names(MANAGER_A, "filter=manager:eq:" + B)).isEmpty();
        assertThat(names(MANAGER_A, "filter=name:like:%", "sort=-name")).containsExactly("South A", "North A");
        assertThat(names(CLERK_NORTH, "filter=region:in:north,south", "sort=-visits,name"))
                .containsExactly("North A", "North B");
        // Through a reference: the customer the order points to is outside manager A's rows.
        Map<String, List<String>> byCustomer = Map.of("filter", List.of("customer.name:eq:North B"));
        assertThat(db.as(ADMIN, "crm", s -> s.query("order", byCustomer)).getJsonArray("items")).hasSize(1);
        assertThat(db.as(MANAGER_A, "crm", s -> s.query("order", byCustomer)).getJsonArray("items")).isEmpty();
        JsonObject seen = db.as(MANAGER_A, "crm", s -> s.get("order", orderOfNorthB, "customer,customer.name,tags"));
        assertThat(seen.get("customer.name")).isEqualTo(JsonValue.NULL);
        assertThat(seen.getJsonArray("tags")).as("tags manager A may not read").isEmpty();
        assertThat(db.as(ADMIN, "crm", s -> s.get("order", orderOfNorthB, "tags")).getJsonArray("tags")).hasSize(1);
    }

    @Test
    void hiddenFieldsAreNotShownNotFilteredNotSortedAndNotWritten() throws Exception {
        JsonObject first = query(CLERK_NORTH).getJsonArray("items").getJsonObject(0);
        assertThat(first.keySet()).doesNotContain("credit").contains("name", "vip", "notes");
        assertThat(db.as(CLERK_NORTH, "crm", s -> s.get("customer", northA, null)).keySet()).doesNotContain("credit");
        assertThat(query(AUDITOR).getJsonArray("items").getJsonObject(0).keySet()).doesNotContain("notes")
                .contains("credit");
        assertThat(refused(() -> query(CLERK_NORTH, "filter=credit:gt:50"), 400, "validation-failed").problem()
                .errors()).containsExactly(new FieldError("filter[0]", "'credit' is not a field your roles may read"));
        refused(() -> query(CLERK_NORTH, "sort=credit"), 400, "validation-failed");
        refused(() -> query(CLERK_NORTH, "fields=name,credit"), 400, "validation-failed");
        refused(() -> db.as(CLERK_NORTH, "crm", s -> s.get("customer", northA, "credit")), 400, "validation-failed");
        assertThat(refused(() -> db.as(CLERK_NORTH, "crm", s -> s.create("customer", json("{'name': 'C1',"
                + " 'region': 'north', 'credit': 5, 'vip': true}"))), 403, "field-not-writable").problem().errors())
                .containsExactlyInAnyOrder(new FieldError("credit", "cannot be written with your roles"),
                        new FieldError("vip", "cannot be written with your roles"));
        assertThat(refused(() -> db.as(MANAGER_A, "crm", s -> s.update("customer", northA, json("{'credit': 1}"),
                false, null)), 403, "field-not-writable").problem().errors())
                .containsExactly(new FieldError("credit", "cannot be written with your roles"));
        // A record read and sent back with its read-only value unchanged is no write of that field.
        JsonObject read = db.as(MANAGER_A, "crm", s -> s.get("customer", southA, null));
        JsonObject sentBack = Json.createObjectBuilder(read).add("visits", 7).build();
        assertThat(db.as(MANAGER_A, "crm", s -> s.update("customer", southA, sentBack, true, null))
                .getInt("visits")).isEqualTo(7);
        assertThat(db.single("SELECT credit::text FROM catalogs.crm__customer WHERE id = ?::uuid", southA))
                .isEqualTo("100.00");
    }

    @Test
    void writesOutsideTheRulesAreRefusedAndWithCheckStopsRowsTheWriterCouldNotSee() throws Exception {
        refused(() -> db.as(MANAGER_A, "crm", s -> s.update("customer", northB, json("{'visits': 1}"), false, null)),
                404, "not-found");
        refused(() -> db.as(MANAGER_A, "crm", s -> {
            s.delete("customer", northA, null, null);
            return null;
        }), 403, "operation-not-allowed");
        refused(() -> db.as(CLERK_NORTH, "crm", s -> s.update("customer", northA, json("{'visits': 1}"), false,
                null)), 403, "operation-not-allowed");
        // WITH CHECK: manager A may not hand a customer to manager B, clerks may not create outside their regions.
        refused(() -> db.as(MANAGER_A, "crm", s -> s.update("customer", northA, json("{'manager': '" + B + "'}"),
                false, null)), 403, "row-not-allowed");
        refused(() -> db.as(CLERK_NORTH, "crm", s -> s.create("customer", json("{'name': 'Far', 'region': 'south'}"))),
                403, "row-not-allowed");
        JsonObject mine = db.as(CLERK_NORTH, "crm", s -> s.create("customer", json("{'name': 'Near', 'region':"
                + " 'north'}")));
        assertThat(mine.getString("owner")).isEqualTo(CLERK_NORTH.userId());
        assertThat(db.rows("SELECT manager::text, name FROM catalogs.crm__customer WHERE id IN (?::uuid, ?::uuid)"
                + " ORDER BY name", northA, northB)).containsExactly(List.of(A, "North A"), List.of(B, "North B"));
        assertThat(db.single("SELECT count(*)::text FROM catalogs.crm__customer WHERE name = 'Far'")).isEqualTo("0");

        // A reference may only name a record the writer can see.
        assertThat(refused(() -> db.as(MANAGER_A, "crm", s -> s.create("order", json("{'customer': '" + northB
                + "'}"))), 400, "validation-failed").problem().errors().get(0).field()).isEqualTo("customer");
        assertThat(db.as(MANAGER_A, "crm", s -> s.create("order", json("{'customer': '" + northA + "'}")))
                .getString("customer")).isEqualTo(northA);
        db.execute("DELETE FROM catalogs.crm__customer WHERE name = 'Near'");
    }

    @Test
    void bulkFailsWholeWhenOneOperationLeavesTheRules() throws Exception {
        int before = db.events.size();
        refused(() -> db.as(MANAGER_A, "crm", s -> s.bulk("customer", json("{'operations': ["
                + "{'op': 'update', 'id': '" + northA + "', 'record': {'notes': 'changed'}},"
                + "{'op': 'update', 'id': '" + northB + "', 'record': {'notes': 'changed'}}]}"))), 404, "not-found");
        refused(() -> db.as(MANAGER_A, "crm", s -> s.bulk("customer", json("{'operations': ["
                + "{'op': 'update', 'id': '" + northA + "', 'record': {'notes': 'changed'}},"
                + "{'op': 'delete', 'id': '" + northA + "'}]}"))), 403, "operation-not-allowed");
        refused(() -> db.as(CLERK_NORTH, "crm", s -> s.bulk("customer", json("{'operations': ["
                + "{'op': 'create', 'record': {'name': 'Bulk N', 'region': 'north'}},"
                + "{'op': 'create', 'record': {'name': 'Bulk S', 'region': 'south'}}]}"))), 403, "row-not-allowed");
        assertThat(db.rows("SELECT notes FROM catalogs.crm__customer WHERE id = ?::uuid", northA))
                .containsExactly(List.of("secret"));
        assertThat(db.single("SELECT count(*)::text FROM catalogs.crm__customer WHERE name LIKE 'Bulk%'"))
                .isEqualTo("0");
        assertThat(db.events).hasSize(before);
    }

    @Test
    void theDatabaseEnforcesTheRulesOnAnyStatementInTheCallersScope() throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            CallerScope.enter(connection, MANAGER_A);
            try (Statement statement = connection.createStatement()) {
                assertThat(count(statement, "SELECT count(*) FROM catalogs.crm__customer")).isEqualTo(2);
                assertThat(statement.executeUpdate("UPDATE catalogs.crm__customer SET notes = notes")).isEqualTo(2);
                assertThat(statement.executeUpdate("DELETE FROM catalogs.crm__customer")).isZero();
                assertThat(count(statement, "SELECT count(*) FROM catalogs.crm__order__tags")).isZero();
                assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM catalogs.record"))
                        .hasMessageContaining("permission denied");
            }
            connection.rollback();
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            CallerScope.enter(connection, caller(A, Set.of("admin"), Set.of()));
            try (Statement statement = connection.createStatement()) {
                assertThat(count(statement, "SELECT count(*) FROM catalogs.crm__order__tags")).isEqualTo(1);
            }
            connection.rollback();
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> CallerScope.enter(connection, MANAGER_A)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Integer.parseInt(db.single("SELECT count(*) FROM catalogs.crm__customer")))
                .as("as superuser, outside a scope").isGreaterThanOrEqualTo(5);
        assertThat(db.rows("SELECT relrowsecurity::text, relforcerowsecurity::text FROM pg_class WHERE oid IN"
                + " ('catalogs.crm__customer'::regclass, 'catalogs.crm__order__tags'::regclass)"))
                .containsOnly(List.of("true", "true"));
    }

    @Test
    void aCallerWhoseRulesNameTheirPartitionsTouchesNoOtherPartition() throws Exception {
        // customer is partitioned by region; the clerk's rule reads only the regions of their groups.
        assertThat(db.rows("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c"
                + " ON c.oid = i.inhrelid WHERE i.inhparent = 'catalogs.crm__customer'::regclass ORDER BY 1"))
                .containsExactly(List.of("FOR VALUES IN ('north')"), List.of("FOR VALUES IN ('south')"));
        String south = db.single("SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'catalogs.crm__customer'::regclass"
                + " AND pg_get_expr(c.relpartbound, c.oid) = 'FOR VALUES IN (''south'')'");
        try (Connection locker = db.connect()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                statement.execute("LOCK TABLE " + south + " IN ACCESS EXCLUSIVE MODE");
            }
            JsonObject page = db.as(CLERK_NORTH, "crm", s -> {
                waitForLocksAtMost(s, "2s");
                return s.query("customer", Map.of("sort", List.of("name")));
            });
            assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(o -> o.getString("name"))
                    .containsExactly("North A", "North B");
            assertThat(page.getInt("total")).isEqualTo(2);
            // The lock is real: a caller whose rules do not name partitions (the admin) has to wait for it.
            assertThatThrownBy(() -> db.as(ADMIN, "crm", s -> {
                waitForLocksAtMost(s, "200ms");
                return s.query("customer", Map.of());
            })).hasMessageContaining("lock timeout");
            locker.rollback();
        }
    }

    private static void waitForLocksAtMost(RecordSession session, String time) throws SQLException {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + time + "'");
        }
    }

    @Test
    void anotherTenantSeesNothing() throws Exception {
        Caller tenantAdmin = new Caller("00000000-0000-0000-0000-0000000000f1", "t", Set.of("admin"), Set.of(),
                Set.of(), "acme", "s", UUID.randomUUID().toString(), Instant.now().plusSeconds(60));
        assertThat(db.as(tenantAdmin, "crm", s -> s.query("tag", Map.of())).getJsonArray("items")).isEmpty();
        String acme = db.as(tenantAdmin, "crm", s -> s.create("tag", json("{'label': 'acme'}"))).getString("id");
        assertThat(db.as(tenantAdmin, "crm", s -> s.query("tag", Map.of())).getJsonArray("items")).hasSize(1);
        refused(() -> db.as(ADMIN, "crm", s -> s.get("tag", acme, null)), 404, "not-found");
        assertThat(db.single("SELECT tenant FROM catalogs.crm__tag WHERE id = ?::uuid", acme)).isEqualTo("acme");
    }

    @Test
    void theTableOwnerIsHeldToThePoliciesUnlessAMigrationSaysOtherwise() throws Exception {
        String owner = "plinth_test_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        db.execute("CREATE ROLE " + owner + " NOLOGIN NOSUPERUSER", "GRANT USAGE ON SCHEMA catalogs TO " + owner,
                "ALTER TABLE catalogs.crm__tag OWNER TO " + owner);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + owner);
                assertThat(count(statement, "SELECT count(*) FROM catalogs.crm__tag")).isZero();
                statement.execute("SET LOCAL plinth.maintenance = 'on'");
                assertThat(count(statement, "SELECT count(*) FROM catalogs.crm__tag")).isPositive();
            }
            connection.rollback();
        } finally {
            db.execute("ALTER TABLE catalogs.crm__tag OWNER TO postgres", "REVOKE USAGE ON SCHEMA catalogs FROM "
                    + owner, "DROP ROLE " + owner);
        }
    }

    @Test
    void changingAFieldARuleReadsKeepsThePoliciesInForce() throws Exception {
        JsonObject model = RecordsDatabase.resource("/records/crm.json");
        // The auditor's rule reads name: PostgreSQL refuses to change the type of a column a policy reads.
        String changed = model.toString().replace("\"length\":100,", "\"length\":150,");
        assertThat(changed).isNotEqualTo(model.toString());
        try (var reader = Json.createReader(new java.io.StringReader(changed))) {
            db.apply("crm", reader.readObject(), 2);
        }
        assertThat(names(MANAGER_A, "sort=name")).containsExactly("North A", "South A");
        assertThat(names(AUDITOR, "sort=name")).containsExactly("North A", "South B");
        assertThat(db.rows("SELECT version::text FROM catalogs.app_schema WHERE app = 'crm'"))
                .containsExactly(List.of("2"));
        assertThat(db.rows("SELECT count(*)::text FROM pg_policies WHERE tablename = 'crm__customer'"))
                .containsExactly(List.of("6"));
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
