package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating, reading, changing and deleting records through the real code path, against PostgreSQL. */
class RecordWritesTest {

    private static final String ADMIN_ID = "00000000-0000-0000-0000-0000000000aa";
    private static final Caller ADMIN = caller(ADMIN_ID, Set.of("admin"), Set.of());

    private static RecordsDatabase db;

    @BeforeAll
    static void create() throws Exception {
        db = new RecordsDatabase();
        db.apply("crm", RecordsDatabase.resource("/records/crm.json"), 1);
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    private JsonObject create(String type, String body) throws Exception {
        return db.as(ADMIN, "crm", s -> s.create(type, json(body)));
    }

    @Test
    void aRecordGoesThroughItsLifeWithHistoryAndEvents() throws Exception {
        JsonObject created = create("customer", "{'name': 'Ada', 'region': 'north', 'credit': 12.5, 'since':"
                + " '2026-01-31', 'seen': '2026-01-31T10:30:00+01:00', 'visits': 3, 'extra': {'a': [1, 2]}}");
        String id = created.getString("id");
        assertThat(created.getInt("version")).isEqualTo(1);
        assertThat(created.getString("credit")).isEqualTo("12.50");
        assertThat(created.getString("seen")).isEqualTo("2026-01-31T09:30:00Z");
        assertThat(created.getBoolean("vip")).isFalse();
        assertThat(created.getString("created_by")).isEqualTo(ADMIN_ID);
        assertThat(created.getString("owner")).isEqualTo(ADMIN_ID);
        assertThat(created.getJsonObject("extra").toString()).isEqualTo("{\"a\":[1,2]}");
        assertThat(db.single("SELECT partition FROM catalogs.crm__customer WHERE id = ?::uuid", id)).isEqualTo("north");

        JsonObject patched = db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'visits': 4, 'version': 1}"),
                false, null));
        assertThat(patched.getInt("version")).isEqualTo(2);
        assertThat(patched.getInt("visits")).isEqualTo(4);
        assertThat(patched.getString("name")).isEqualTo("Ada");

        JsonObject replaced = db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'name': 'Ada L',"
                + " 'region': 'south', 'vip': false, 'since': '2026-01-31', 'seen': '2026-01-31T09:30:00Z',"
                + " 'extra': {'a': [1, 2]}}"), true, 2L));
        assertThat(replaced.getInt("version")).isEqualTo(3);
        assertThat(replaced.get("visits")).isEqualTo(JsonValue.NULL);
        assertThat(replaced.get("credit")).isEqualTo(JsonValue.NULL);
        assertThat(db.single("SELECT partition FROM catalogs.crm__customer WHERE id = ?::uuid", id)).isEqualTo("south");

        JsonObject same = db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'name': 'Ada L'}"), false, null));
        assertThat(same.getInt("version")).as("an update that changes nothing writes nothing").isEqualTo(3);

        db.as(ADMIN, "crm", s -> {
            s.delete("customer", id, 3L, null);
            return null;
        });
        refused(() -> db.as(ADMIN, "crm", s -> s.get("customer", id, null)), 404, "not-found");

        List<RecordsDatabase.Event> events = db.events.stream().filter(e -> e.data().getString("id").equals(id))
                .toList();
        assertThat(events).extracting(RecordsDatabase.Event::routingKey).containsExactly("catalogs.record.created",
                "catalogs.record.updated", "catalogs.record.updated", "catalogs.record.deleted");
        assertThat(events.get(1).data().toString()).isEqualTo("{\"app\":\"crm\",\"type\":\"customer\",\"id\":\"" + id
                + "\",\"version\":2,\"changed\":[\"visits\"]}");
        assertThat(events.get(2).data().getJsonArray("changed").toString())
                .isEqualTo("[\"name\",\"region\",\"credit\",\"visits\"]");

        assertThat(db.rows("SELECT version::text, operation, changed_by, changes::text FROM catalogs.record_history"
                + " WHERE record_id = ?::uuid ORDER BY version, operation DESC", id)).containsExactly(
                List.of("1", "created", ADMIN_ID, "{\"vip\": {\"after\": false, \"before\": null}, \"name\": {\"after\": \"Ada\", \"before\": null}, \"seen\": {"
                        + "\"after\": \"2026-01-31T09:30:00Z\", \"before\": null}, \"extra\": {\"after\": {\"a\": [1, 2]},"
                        + " \"before\": null}, \"since\": {\"after\": \"2026-01-31\", \"before\": null}, \"credit\":"
                        + " {\"after\": \"12.50\", \"before\": null}, \"region\": {\"after\": \"north\", \"before\":"
                        + " null}, \"visits\": {\"after\": 3, \"before\": null}}"),
                List.of("2", "updated", ADMIN_ID, "{\"visits\": {\"after\": 4, \"before\": 3}}"),
                List.of("3", "updated", ADMIN_ID, "{\"name\": {\"after\": \"Ada L\", \"before\": \"Ada\"}, \"credit\":"
                        + " {\"after\": null, \"before\": \"12.50\"}, \"region\": {\"after\": \"south\", \"before\":"
                        + " \"north\"}, \"visits\": {\"after\": null, \"before\": 4}}"),
                List.of("3", "deleted", ADMIN_ID, "{\"vip\": {\"after\": null, \"before\": false}, \"name\": {\"after\": null, \"before\": \"Ada L\"}, \"seen\": {"
                        + "\"after\": null, \"before\": \"2026-01-31T09:30:00Z\"}, \"extra\": {\"after\": null,"
                        + " \"before\": {\"a\": [1, 2]}}, \"since\": {\"after\": null, \"before\": \"2026-01-31\"},"
                        + " \"region\": {\"after\": null, \"before\": \"south\"}}"));
    }

    @Test
    void everyKindOfInvalidValueIsRefusedWithItsPathBeforeSql() throws Exception {
        ProblemException problem = refused(() -> create("customer", "{'name': '" + "x".repeat(101) + "',"
                + " 'credit': 1.234, 'visits': 'many', 'vip': 'yes', 'since': '31.01.2026', 'seen': '2026-01-31T10:00',"
                + " 'manager': 'bob', 'region': 'east', 'colour': 'red', 'score': 7, 'extra': null}"), 400,
                "validation-failed");
        assertThat(problem.problem().errors()).containsExactlyInAnyOrder(
                new FieldError("name", "must be at most 100 characters"),
                new FieldError("credit", "must have at most 2 decimals"),
                new FieldError("visits", "must be a whole number"),
                new FieldError("vip", "must be true or false"),
                new FieldError("since", "must be a date such as 2026-01-31"),
                new FieldError("seen", "must be a time with its offset, such as 2026-01-31T09:30:00Z"),
                new FieldError("manager", "must be an id (a UUID such as 0b7e3f4c-6a52-4d1e-9f3a-2c8d5e6f7a81)"),
                new FieldError("region", "must be one of north, south"),
                new FieldError("colour", "is not a field of type 'customer'"));
        assertThat(refused(() -> create("customer", "{'name': 'Big', 'region': 'north', 'credit': 1000000}"), 400,
                "validation-failed").problem().errors())
                .containsExactly(new FieldError("credit", "must have at most 6 digits before the decimal point"));
        assertThat(refused(() -> create("customer", "{'credit': 1}"), 400, "validation-failed").problem().errors())
                .containsExactlyInAnyOrder(new FieldError("name", "is required"), new FieldError("region", "is required"));
        assertThat(refused(() -> create("customer", "{'name': 'Comp', 'region': 'north', 'score': 7}"), 403,
                "field-not-writable").problem().errors())
                .containsExactly(new FieldError("score", "is computed by the platform"));
        assertThat(refused(() -> create("order", "{'customer': '" + UUID.randomUUID() + "'}"), 400,
                "validation-failed").problem().errors().get(0).field()).isEqualTo("customer");
        assertThat(refused(() -> create("customer", "{'name': 'N\\u0000ul', 'region': 'north'}"), 400,
                "validation-failed").problem().errors()).containsExactly(
                new FieldError("name", "cannot hold the NUL character"));

        String id = create("customer", "{'name': 'Valid', 'region': 'north'}").getString("id");
        assertThat(refused(() -> db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'name': null}"), false,
                null)), 400, "validation-failed").problem().errors()).containsExactly(new FieldError("name", "is required"));
        assertThat(refused(() -> db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'visits': 1}"), true,
                null)), 400, "validation-failed").problem().errors()).containsExactlyInAnyOrder(
                new FieldError("name", "is required"), new FieldError("region", "is required"));
        assertThat(refused(() -> create("customer", "{'name': 'Valid', 'region': 'north'}"), 409, "unique-violation")
                .problem().errors()).containsExactly(new FieldError("name", "is already taken"));
        assertThat(db.single("SELECT count(*)::text FROM catalogs.crm__customer WHERE name = 'Valid'")).isEqualTo("1");
        // customer is partitioned by region: a unique field is unique within its partition.
        create("customer", "{'name': 'Valid', 'region': 'south'}");
        assertThat(db.single("SELECT count(*)::text FROM catalogs.crm__customer WHERE name = 'Valid'")).isEqualTo("2");
    }

    @Test
    void aStaleVersionOrETagIsAConflictAndChangesNothing() throws Exception {
        String id = create("customer", "{'name': 'Versioned', 'region': 'north', 'visits': 1}").getString("id");
        db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'visits': 2}"), false, null));
        ProblemException stale = refused(() -> db.as(ADMIN, "crm", s -> s.update("customer", id,
                json("{'visits': 3, 'version': 1}"), false, null)), 409, "version-conflict");
        assertThat(stale.problem().detail()).contains("version 2, not 1");
        refused(() -> db.as(ADMIN, "crm", s -> s.update("customer", id, json("{'visits': 3}"), false, 1L)), 412,
                "precondition-failed");
        refused(() -> db.as(ADMIN, "crm", s -> {
            s.delete("customer", id, 1L, null);
            return null;
        }), 409, "version-conflict");
        assertThat(db.single("SELECT visits || '@' || version FROM catalogs.crm__customer WHERE id = ?::uuid", id))
                .isEqualTo("2@2");
    }

    @Test
    void referencesLinksAndDeleteBehaviour() throws Exception {
        String customer = create("customer", "{'name': 'Buyer', 'region': 'north'}").getString("id");
        String red = create("tag", "{'label': 'red'}").getString("id");
        String blue = create("tag", "{'label': 'blue'}").getString("id");
        JsonObject order = create("order", "{'customer': '" + customer + "', 'tags': ['" + red + "', '" + blue + "',"
                + " '" + red.toUpperCase() + "']}");
        assertThat(order.getString("status")).isEqualTo("new");
        assertThat(order.getJsonArray("tags").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder(red, blue).isSorted();
        String id = order.getString("id");
        JsonObject patched = db.as(ADMIN, "crm", s -> s.update("order", id, json("{'tags': ['" + blue + "']}"),
                false, null));
        assertThat(patched.getJsonArray("tags").getString(0)).isEqualTo(blue);
        assertThat(patched.getJsonArray("tags")).hasSize(1);
        assertThat(db.events.get(db.events.size() - 1).data().getJsonArray("changed").toString())
                .isEqualTo("[\"tags\"]");
        refused(() -> db.as(ADMIN, "crm", s -> {
            s.delete("customer", customer, null, null);
            return null;
        }), 409, "reference-violation");
        JsonObject projected = db.as(ADMIN, "crm", s -> s.get("order", id, "customer.name,status"));
        assertThat(projected.keySet()).containsExactly("id", "version", "customer.name", "status");
        assertThat(projected.getString("customer.name")).isEqualTo("Buyer");
    }

    @Test
    void bulkRunsEveryOperationOrNone() throws Exception {
        String keep = create("tag", "{'label': 'keep'}").getString("id");
        String gone = create("tag", "{'label': 'gone'}").getString("id");
        JsonObject result = db.as(ADMIN, "crm", s -> s.bulk("tag", json("{'operations': ["
                + "{'op': 'create', 'record': {'label': 'new'}},"
                + "{'op': 'update', 'id': '" + keep + "', 'record': {'label': 'kept', 'version': 1}},"
                + "{'op': 'delete', 'id': '" + gone + "', 'version': 1}]}")));
        assertThat(result.getJsonArray("results")).hasSize(3);
        assertThat(result.getJsonArray("results").getJsonObject(1).getInt("version")).isEqualTo(2);
        assertThat(db.rows("SELECT label FROM catalogs.crm__tag WHERE label IN ('new', 'kept', 'gone') ORDER BY label"))
                .containsExactly(List.of("kept"), List.of("new"));

        int before = db.events.size();
        ProblemException failed = refused(() -> db.as(ADMIN, "crm", s -> s.bulk("tag", json("{'operations': ["
                + "{'op': 'create', 'record': {'label': 'never'}},"
                + "{'op': 'update', 'id': '" + keep + "', 'record': {'label': 'x', 'version': 1}}]}"))), 409,
                "version-conflict");
        assertThat(failed.problem().detail()).startsWith("operations[1]: ");
        assertThat(db.single("SELECT count(*)::text FROM catalogs.crm__tag WHERE label = 'never'")).isEqualTo("0");
        assertThat(db.events).hasSize(before);

        ProblemException invalid = refused(() -> db.as(ADMIN, "crm", s -> s.bulk("tag", json("{'operations': ["
                + "{'op': 'create', 'record': {'label': 7}}, {'op': 'merge'}, {'op': 'delete', 'id': 'x'}]}"))), 400,
                "validation-failed");
        assertThat(invalid.problem().errors()).containsExactly(
                new FieldError("operations[0].record.label", "must be a string"),
                new FieldError("operations[1].op", "must be create, update or delete"),
                new FieldError("operations[2].id", "must be an id (a UUID such as 0b7e3f4c-6a52-4d1e-9f3a-2c8d5e6f7a81)"));
    }

    static ProblemException refused(ThrowingCallable call, int status, String code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) thrown;
        assertThat(problem.problem().status()).as(problem.getMessage()).isEqualTo(status);
        assertThat(problem.problem().code()).isEqualTo(code);
        return problem;
    }
}
