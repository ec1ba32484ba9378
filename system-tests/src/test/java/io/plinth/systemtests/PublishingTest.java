package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Publications;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing with catalogs as a participant (docs/app-model.md, "Publishing"), through the running
 * services in split mode: view-service asks catalogs for the DDL plan of each new version, applies
 * it with the publishing user's token, and only then freezes and activates; a refusal, a loss of
 * data not confirmed, a missing permission or a later failure leave the active version and the
 * tables as they were. The tables are checked in the run's database.
 */
@Order(5)
@ExtendWith(PlatformExtension.class)
class PublishingTest {

    private static final String APPS = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
    private static final String RUN = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String PASSWORD = "Publishing-Test-Password-7";
    private static TestInfrastructure infra;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
    }

    private static JsonObject json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    /** Customers and their orders: two types, the order referencing the customer. */
    private static JsonObject shop(String key, String extraCustomerFields) {
        return json("""
                {'key': '%s', 'name': 'Shop', 'types': [
                  {'key': 'customer', 'fields': [
                    {'key': 'name', 'type': 'text', 'length': 100, 'required': true},
                    {'key': 'since', 'type': 'date'}%s]},
                  {'key': 'order', 'fields': [
                    {'key': 'customer', 'type': 'reference', 'required': true,
                     'reference': {'type': 'customer', 'onDelete': 'cascade'}},
                    {'key': 'total', 'type': 'decimal', 'precision': 12, 'scale': 2}]}],
                 'roles': [{'key': 'clerk'}],
                 'access': [{'role': 'clerk', 'type': 'customer', 'operations': ['read']}]}
                """.formatted(key, extraCustomerFields));
    }

    private static void create(String key, JsonObject draft) {
        HttpResponse<String> created = Http.admin().post(APPS, "{\"key\":\"" + key + "\",\"name\":\"Shop\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        saveDraft(key, draft);
    }

    private static void saveDraft(String key, JsonObject draft) {
        HttpResponse<String> saved = Http.admin().put(APPS + "/" + key + "/draft", draft.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static JsonObject publish(String key) {
        return publish(Http.admin(), key, "");
    }

    /** Publishes the draft as {@code caller} and waits for the publication to end; answers its final record. */
    private static JsonObject publish(Http caller, String key, String query) {
        HttpResponse<String> accepted = caller.post(APPS + "/" + key + "/publish" + query, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return Publications.awaitEnd(Http.admin(), APPS + "/" + key, Http.json(accepted).getString("id"),
                Duration.ofSeconds(60));
    }

    private static JsonObject dryRun(String key) {
        HttpResponse<String> dry = Http.admin().post(APPS + "/" + key + "/publish?dryRun=true", "");
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        return Http.json(dry);
    }

    private static List<String> steps(JsonObject publication) {
        return publication.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("name") + ":" + s.getString("status")).toList();
    }

    private static JsonObject step(JsonObject publication, String name) {
        return publication.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static JsonObject catalogsParticipant(JsonObject plan) {
        return plan.getJsonArray("participants").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("service").equals("catalogs")).findFirst().orElseThrow();
    }

    private static JsonObject app(String key) {
        return Http.json(Http.admin().get(APPS + "/" + key));
    }

    /** The columns of {@code catalogs."<app>__<type>"} and their data types, as the database has them. */
    private static Map<String, String> columns(String app, String type) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection db = infra.database(); PreparedStatement query = db.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'catalogs'"
                        + " AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, app + "__" + type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return columns;
    }

    private static long appliedVersion(String app) throws SQLException {
        try (Connection db = infra.database();
             PreparedStatement query = db.prepareStatement("SELECT version FROM catalogs.app_schema WHERE app = ?")) {
            query.setString(1, app);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /**
     * DDL on a table the running service uses. A waiting ACCESS EXCLUSIVE lock would stall every
     * reader of the table (and exhaust the service's connection pool), so it never waits long:
     * it gives up after a second and tries again.
     */
    private static void ddl(String statement) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> {
                    try (Connection db = infra.database(); Statement sql = db.createStatement()) {
                        sql.execute("SET lock_timeout = '1s'");
                        sql.execute(statement);
                        return true;
                    }
                });
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = infra.database(); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void aPublishCreatesTheTablesAndANewFieldAddsAColumn() throws SQLException {
        String key = RUN + "-tables";
        create(key, shop(key, ""));

        JsonObject first = publish(key);
        assertThat(first.getString("status")).as(first.toString()).isEqualTo("active");
        assertThat(first.getInt("version")).isEqualTo(1);
        assertThat(steps(first)).containsExactly("validate:done", "diff:done", "catalogs.plan:done",
                "catalogs.apply:done", "freeze:done", "activate:done");
        assertThat(step(first, "catalogs.apply").getString("participant")).isEqualTo("catalogs");
        JsonObject planned = catalogsParticipant(first.getJsonObject("plan")).getJsonObject("plan");
        assertThat(planned.getInt("toVersion")).isEqualTo(1);
        assertThat(planned.getJsonArray("steps").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("kind")).containsExactly("create-type", "create-type", "add-reference");
        assertThat(step(first, "catalogs.apply").getString("detail")).as("catalogs' acknowledgement")
                .isEqualTo("catalogs applied version 1 in 3 steps");

        assertThat(columns(key, "customer")).containsEntry("name", "character varying").containsEntry("since", "date")
                .containsKeys("id", "created_at", "owner");
        assertThat(columns(key, "order")).containsEntry("customer", "uuid").containsEntry("total", "numeric");
        assertThat(appliedVersion(key)).isEqualTo(1);

        saveDraft(key, shop(key, ", {'key': 'email', 'type': 'text', 'length': 200}"));
        JsonObject second = publish(key);
        assertThat(second.getString("status")).as(second.toString()).isEqualTo("active");
        assertThat(second.getInt("version")).isEqualTo(2);
        assertThat(step(second, "catalogs.plan").getString("detail")).isEqualTo("1 step from version 1 to version 2");
        assertThat(columns(key, "customer")).containsEntry("email", "character varying");
        assertThat(appliedVersion(key)).isEqualTo(2);

        JsonObject again = publish(key);
        assertThat(again.getBoolean("unchanged")).as("nothing to publish: catalogs is not asked").isTrue();
        assertThat(step(again, "catalogs.apply").getString("status")).isEqualTo("skipped");
    }

    @Test
    void aChangeCatalogsRefusesFailsAtItsStepWithItsReasonAndChangesNothing() throws SQLException {
        String key = RUN + "-refused";
        create(key, shop(key, ""));
        assertThat(publish(key).getString("status")).isEqualTo("active");
        Map<String, String> before = columns(key, "customer");

        JsonObject dateToBoolean = json(shop(key, "").toString().replace("{\"key\":\"since\",\"type\":\"date\"}",
                "{\"key\":\"since\",\"type\":\"boolean\"}"));
        saveDraft(key, dateToBoolean);
        JsonObject dry = dryRun(key);
        assertThat(dry.getBoolean("publishable")).isFalse();
        JsonObject problem = catalogsParticipant(dry.getJsonObject("plan")).getJsonObject("problem");
        assertThat(problem.getString("code")).isEqualTo("schema-change-refused");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("types[0].fields[1].type");

        JsonObject failed = publish(key);
        assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.getString("step")).isEqualTo("catalogs.plan");
        assertThat(failed.getString("reason")).startsWith("catalogs answered 409 schema-change-refused: ")
                .contains("date").contains("boolean");
        assertThat(failed.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("types[0].fields[1].type");
        assertThat(steps(failed)).containsExactly("validate:done", "diff:done", "catalogs.plan:failed",
                "catalogs.apply:skipped", "freeze:skipped", "activate:skipped");
        assertThat(failed.containsKey("version")).as("nothing frozen").isFalse();

        assertThat(app(key).getInt("activeVersion")).isEqualTo(1);
        assertThat(app(key).getInt("latestVersion")).isEqualTo(1);
        assertThat(columns(key, "customer")).isEqualTo(before).containsEntry("since", "date");
        assertThat(appliedVersion(key)).isEqualTo(1);
    }

    @Test
    void aDryRunShowsCatalogsPlanAndChangesNothing() throws SQLException {
        String key = RUN + "-dry";
        create(key, shop(key, ""));

        JsonObject first = dryRun(key);
        assertThat(first.getBoolean("publishable")).isTrue();
        JsonObject catalogs = catalogsParticipant(first.getJsonObject("plan"));
        assertThat(catalogs.getJsonArray("steps").toString()).isEqualTo("[\"catalogs.plan\",\"catalogs.apply\"]");
        assertThat(catalogs.getJsonObject("plan").get("fromVersion")).isEqualTo(JsonValue.NULL);
        assertThat(catalogs.getJsonObject("plan").getJsonArray("steps")).hasSize(3);
        JsonArray security = catalogs.getJsonObject("plan").getJsonArray("security");
        assertThat(security.getValuesAs(JsonObject.class)).extracting(t -> t.getString("type"))
                .containsExactly("customer", "order");
        assertThat(security.getJsonObject(0).getJsonArray("sql").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).as("the clerk's read rule as a policy")
                .anySatisfy(sql -> assertThat(sql).startsWith("CREATE POLICY plinth_read ON \"catalogs\".\""
                        + key + "__customer\" FOR SELECT").contains("'clerk'"));
        assertThat(columns(key, "customer")).as("a dry run creates no table").isEmpty();
        assertThat(appliedVersion(key)).isZero();
        assertThat(app(key).containsKey("activeVersion")).isFalse();

        assertThat(publish(key).getString("status")).isEqualTo("active");
        saveDraft(key, shop(key, ", {'key': 'vip', 'type': 'boolean', 'default': false}"));
        JsonObject second = dryRun(key);
        JsonObject plan = catalogsParticipant(second.getJsonObject("plan")).getJsonObject("plan");
        assertThat(plan.getInt("fromVersion")).isEqualTo(1);
        assertThat(plan.getInt("toVersion")).isEqualTo(2);
        assertThat(plan.getBoolean("dataLoss")).isFalse();
        JsonObject added = plan.getJsonArray("steps").getJsonObject(0);
        assertThat(added.getString("description")).contains("vip");
        assertThat(added.getBoolean("dataLoss")).isFalse();
        assertThat(added.getJsonArray("sql").getString(0)).contains("ADD COLUMN");

        assertThat(columns(key, "customer")).doesNotContainKey("vip");
        assertThat(appliedVersion(key)).isEqualTo(1);
        assertThat(app(key).getInt("latestVersion")).isEqualTo(1);
    }

    @Test
    void droppingAFieldThatHoldsDataNeedsConfirmation() throws SQLException {
        String key = RUN + "-loss";
        create(key, shop(key, ", {'key': 'email', 'type': 'text', 'length': 200}"));
        assertThat(publish(key).getString("status")).isEqualTo("active");
        sql("INSERT INTO catalogs.\"" + key + "__customer\" (name, email, created_at, created_by, updated_at,"
                + " updated_by) VALUES ('Ann', 'ann@example.com', now(), 'test', now(), 'test')");

        saveDraft(key, shop(key, ""));
        JsonObject dry = dryRun(key);
        JsonObject plan = catalogsParticipant(dry.getJsonObject("plan")).getJsonObject("plan");
        assertThat(plan.getBoolean("dataLoss")).isTrue();
        assertThat(plan.getJsonArray("steps").getJsonObject(0).getBoolean("dataLoss")).isTrue();

        JsonObject refused = publish(key);
        assertThat(refused.getString("status")).as(refused.toString()).isEqualTo("failed");
        assertThat(refused.getString("step")).isEqualTo("catalogs.apply");
        assertThat(refused.getString("reason")).startsWith("catalogs answered 409 data-loss-not-confirmed: ")
                .endsWith("(publish again with ?confirmDataLoss=true to accept the loss)");
        assertThat(refused.getBoolean("confirmDataLoss")).isFalse();
        assertThat(refused.getJsonArray("steps").getValuesAs(JsonObject.class)).extracting(s -> s.getString("name"))
                .as("a refusal changed nothing: nothing to undo").doesNotContain("catalogs.undo");
        assertThat(columns(key, "customer")).containsKey("email");
        assertThat(app(key).getInt("activeVersion")).isEqualTo(1);
        assertThat(app(key).getInt("latestVersion")).as("nothing frozen").isEqualTo(1);
        assertThat(appliedVersion(key)).isEqualTo(1);

        JsonObject confirmed = publish(Http.admin(), key, "?confirmDataLoss=true");
        assertThat(confirmed.getString("status")).as(confirmed.toString()).isEqualTo("active");
        assertThat(confirmed.getBoolean("confirmDataLoss")).isTrue();
        assertThat(confirmed.getInt("version")).isEqualTo(2);
        assertThat(columns(key, "customer")).doesNotContainKey("email").containsKey("name");
        try (Connection db = infra.database(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT name FROM catalogs.\"" + key + "__customer\"")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("the other fields keep their data").isEqualTo("Ann");
        }
    }

    @Test
    void aFailureAfterCatalogsAppliedTakesCatalogsBackAndKeepsThePreviousVersion() throws SQLException {
        String key = RUN + "-undo";
        create(key, shop(key, ""));
        assertThat(publish(key).getString("status")).isEqualTo("active");
        String appId = app(key).getString("id");
        String guard = "app_version_" + RUN + "_refuses_2";
        // Freezing version 2 of this app fails once catalogs has applied it, as a database failure would.
        ddl("ALTER TABLE view_service.app_version ADD CONSTRAINT " + guard + " CHECK (app_id <> '" + appId
                + "' OR number <> 2) NOT VALID");
        try {
            saveDraft(key, json(shop(key, ", {'key': 'email', 'type': 'text'}").toString()
                    .replace("{\"key\":\"name\",", "{\"key\":\"full_name\",\"previousKey\":\"name\",")));
            JsonObject failed = publish(key);
            assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.getString("step")).isEqualTo("freeze");
            assertThat(steps(failed)).containsExactly("validate:done", "diff:done", "catalogs.plan:done",
                    "catalogs.apply:done", "freeze:failed", "activate:skipped", "catalogs.undo:done");
            assertThat(step(failed, "catalogs.undo").getString("detail")).isEqualTo(
                    "catalogs went back to version 1 in 2 steps");
            assertThat(failed.getString("reason")).endsWith("; catalogs went back to version 1 in 2 steps");
            assertThat(columns(key, "customer")).as("the rename was undone as a rename").containsKey("name")
                    .doesNotContainKeys("full_name", "email");
            assertThat(appliedVersion(key)).isEqualTo(1);
            assertThat(app(key).getInt("activeVersion")).isEqualTo(1);
        } finally {
            ddl("ALTER TABLE view_service.app_version DROP CONSTRAINT " + guard);
        }

        JsonObject retried = publish(key);
        assertThat(retried.getString("status")).as(retried.toString()).isEqualTo("active");
        assertThat(retried.getInt("version")).isEqualTo(2);
        assertThat(columns(key, "customer")).containsKeys("full_name", "email").doesNotContainKey("name");
    }

    @Test
    void aFirstPublicationThatFailsAfterCatalogsAppliedRemovesTheNewTables() throws SQLException {
        String key = RUN + "-first";
        create(key, shop(key, ""));
        String appId = app(key).getString("id");
        String guard = "app_version_" + RUN + "_refuses_1";
        ddl("ALTER TABLE view_service.app_version ADD CONSTRAINT " + guard + " CHECK (app_id <> '" + appId
                + "' OR number <> 1) NOT VALID");
        try {
            JsonObject failed = publish(key);
            assertThat(failed.getString("status")).as(failed.toString()).isEqualTo("failed");
            assertThat(steps(failed)).containsExactly("validate:done", "diff:done", "catalogs.plan:done",
                    "catalogs.apply:done", "freeze:failed", "activate:skipped", "catalogs.undo:done");
            assertThat(step(failed, "catalogs.undo").getString("detail"))
                    .isEqualTo("catalogs removed version 1 in 3 steps");
            assertThat(columns(key, "customer")).as("the first version's tables are gone").isEmpty();
            assertThat(appliedVersion(key)).as("catalogs holds no version").isZero();
            assertThat(app(key).get("activeVersion")).isIn(null, JsonValue.NULL);
        } finally {
            ddl("ALTER TABLE view_service.app_version DROP CONSTRAINT " + guard);
        }

        JsonObject retried = publish(key);
        assertThat(retried.getString("status")).as(retried.toString()).isEqualTo("active");
        assertThat(retried.getInt("version")).isEqualTo(1);
        assertThat(columns(key, "customer")).containsKey("name");
    }

    @Test
    void catalogsChecksThePublishingUsersOwnPermission() throws SQLException {
        String identity = Service.IDENTITY.splitUrl() + "/api";
        String login = RUN + "-builder";
        String role = RUN + "-apps-only";
        assertThat(Http.admin().post(identity + "/users", Json.createObjectBuilder().add("login", login)
                .add("displayName", "Builder").add("email", login + "@example.com").build().toString()).statusCode())
                .isEqualTo(201);
        assertThat(Http.admin().put(identity + "/users/" + login + "/password", Json.createObjectBuilder()
                .add("password", PASSWORD).build().toString()).statusCode()).isIn(200, 204);
        assertThat(Http.admin().post(identity + "/roles", Json.createObjectBuilder().add("key", role)
                .add("name", "Apps only").add("permissions", Json.createArrayBuilder().add("view-service:*")).build()
                .toString()).statusCode()).isEqualTo(201);
        assertThat(Http.admin().put(identity + "/roles/" + role + "/users/" + login, "").statusCode()).isEqualTo(204);
        Http builder = Http.as(Platform.login(login, PASSWORD));

        String key = RUN + "-perm";
        create(key, shop(key, ""));
        JsonObject refused = publish(builder, key, "");
        assertThat(refused.getString("status")).as(refused.toString()).isEqualTo("failed");
        assertThat(refused.getString("step")).isEqualTo("catalogs.plan");
        assertThat(refused.getString("reason")).startsWith("catalogs answered 403 forbidden: ")
                .contains("catalogs:schema:read");
        assertThat(columns(key, "customer")).isEmpty();
        assertThat(app(key).containsKey("activeVersion")).isFalse();

        assertThat(publish(key).getString("status")).as("an app builder may").isEqualTo("active");
        assertThat(columns(key, "customer")).isNotEmpty();
    }
}
