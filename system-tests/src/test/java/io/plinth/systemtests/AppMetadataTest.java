package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.plinth.contracts.viewservice.v1.AppModel;
import io.plinth.contracts.viewservice.v1.AppServiceGrpc;
import io.plinth.contracts.viewservice.v1.GetActiveModelRequest;
import io.plinth.systemtests.support.GrpcAuth;
import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Publications;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * App metadata in view-service (docs/app-model.md) through the running services in split mode:
 * drafts, validation with paths, publishing as an observable process, versions, diffs, rollback,
 * the publication lock, export and import, and the JSON Schema.
 */
@Order(4)
@ExtendWith(PlatformExtension.class)
class AppMetadataTest {

    private static final String APPS = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
    /** The first key of the publication locks, as docs/app-model.md gives it. */
    private static final int LOCK_CLASS = 1_986_134_017;
    private static final String RUN = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static TestInfrastructure infra;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
    }

    private static JsonObject json(String singleQuoted) {
        return parse(singleQuoted.replace('\'', '"'));
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A model with two types, a form, a list, navigation, roles and access rules. */
    private static JsonObject orders(String key) {
        return json("""
                {'modelVersion': 1, 'key': '%s', 'name': 'Orders', 'icon': 'pi pi-box', 'owners': ['admin'],
                 'types': [
                  {'key': 'customer', 'name': 'Customer', 'securityPartition': 'region', 'fields': [
                    {'key': 'fullname', 'type': 'text', 'length': 100, 'required': true},
                    {'key': 'region', 'type': 'enum', 'values': ['north', 'south'], 'required': true},
                    {'key': 'credit', 'type': 'decimal', 'precision': 12, 'scale': 2, 'default': '0'},
                    {'key': 'manager', 'type': 'user'}]},
                  {'key': 'order', 'fields': [
                    {'key': 'customer', 'type': 'reference', 'required': true,
                     'reference': {'type': 'customer', 'onDelete': 'cascade'}},
                    {'key': 'total', 'type': 'decimal', 'computed': true}]}],
                 'forms': [{'key': 'customer-form', 'type': 'customer', 'sections': [{'title': 'Main', 'columns': 2,
                    'fields': [{'field': 'fullname'}, {'field': 'region', 'column': 2},
                               {'field': 'credit', 'visibleWhen': [{'field': 'region', 'op': 'eq', 'value': 'north'}]}]}]}],
                 'lists': [{'key': 'customers', 'type': 'customer', 'columns': [{'field': 'fullname'}, {'field': 'region'}],
                    'filter': [{'field': 'credit', 'op': 'gt', 'value': 0}], 'sort': [{'field': 'fullname'}]}],
                 'navigation': [{'key': 'all', 'label': 'Customers', 'list': 'customers'}],
                 'roles': [{'key': 'clerk'}],
                 'access': [{'role': 'clerk', 'type': 'customer', 'operations': ['read'],
                    'rows': [{'field': 'manager', 'op': 'eq', 'value': '$user.id'}],
                    'fields': [{'field': 'credit', 'access': 'hidden'}]}],
                 'workflows': [{'key': 'approval', 'anything': ['goes', 'here']}]}
                """.formatted(key));
    }

    private static HttpResponse<String> create(String key) {
        HttpResponse<String> created = Http.admin().post(APPS, "{\"key\":\"" + key + "\",\"name\":\"App " + key + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static HttpResponse<String> putDraft(String key, JsonObject model) {
        return Http.admin().put(APPS + "/" + key + "/draft", model.toString());
    }

    private static HttpResponse<String> putDraft(String key, JsonObject model, String ifMatch) {
        return Http.admin().send(HttpRequest.newBuilder(URI.create(APPS + "/" + key + "/draft"))
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(model.toString())));
    }

    /** Publishes the draft and waits for the publication to end; answers its final record. */
    private static JsonObject publish(String key) {
        HttpResponse<String> accepted = Http.admin().post(APPS + "/" + key + "/publish", "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return finished(key, Http.json(accepted));
    }

    private static JsonObject finished(String key, JsonObject publication) {
        assertThat(accepted(publication)).isTrue();
        return Publications.awaitEnd(Http.admin(), APPS + "/" + key, publication.getString("id"), Duration.ofSeconds(30));
    }

    private static boolean accepted(JsonObject publication) {
        return List.of("validating", "applying", "active", "failed").contains(publication.getString("status"));
    }

    private static List<String> errorFields(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void anAppIsCreatedFromAKeyAndANameAndHasADraft() {
        String key = RUN + "-plain";
        JsonObject created = Http.json(create(key));
        assertThat(created.getString("name")).isEqualTo("App " + key);
        assertThat(created.getInt("draftRevision")).isEqualTo(1);
        assertThat(created.containsKey("activeVersion")).as("nothing published yet").isFalse();

        HttpResponse<String> draft = Http.admin().get(APPS + "/" + key + "/draft");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(Http.json(draft)).isEqualTo(json("{'modelVersion': 1, 'key': '" + key + "', 'name': 'App " + key + "'}"));

        assertThat(Http.admin().post(APPS, "{\"key\":\"" + key + "\",\"name\":\"Again\"}").statusCode()).isEqualTo(409);
        JsonObject found = Http.json(Http.admin().get(APPS + "?q=" + RUN + "-pla"));
        assertThat(found.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("key")).containsExactly(key);

        assertThat(Http.admin().delete(APPS + "/" + key).statusCode()).as("never published").isEqualTo(204);
        assertThat(Http.admin().get(APPS + "/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void theDraftIsSavedOnlyWhenNobodySavedMeanwhile() {
        String key = RUN + "-draft";
        create(key);
        JsonObject model = orders(key);

        HttpResponse<String> saved = putDraft(key, model, "\"1\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(Http.json(Http.admin().get(APPS + "/" + key + "/draft"))).isEqualTo(model);

        HttpResponse<String> stale = putDraft(key, model, "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(Http.json(stale).getString("code")).isEqualTo("draft-changed");
        HttpResponse<String> staleRevision = Http.admin().put(APPS + "/" + key + "/draft?revision=1", model.toString());
        assertThat(staleRevision.statusCode()).isEqualTo(409);
        assertThat(Http.json(Http.admin().get(APPS + "/" + key)).getInt("draftRevision")).isEqualTo(2);
    }

    static Stream<Arguments> invalidModels() {
        return Stream.of(
                Arguments.of("bad key syntax", "{'key': 'Not A Key', 'name': ''}", List.of("key", "name"), "must be 2 to 63"),
                Arguments.of("missing name", "{'key': 'x-missing'}", List.of("name"), "is required"),
                Arguments.of("duplicate type key", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a'}, {'key': 'a'}]}",
                        List.of("types[1].key"), "duplicates types[0].key: 'a'"),
                Arguments.of("duplicate field key", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}, {'key': 'f', 'type': 'integer'}]}]}",
                        List.of("types[0].fields[1].key"), "duplicates types[0].fields[0].key: 'f'"),
                Arguments.of("bad field key", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'Full Name', 'type': 'text'}]}]}", List.of("types[0].fields[0].key"), "lower-case"),
                Arguments.of("reserved field key", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'owner', 'type': 'user'}]}]}", List.of("types[0].fields[0].key"), "reserved"),
                Arguments.of("unknown field type", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'money'}]}]}", List.of("types[0].fields[0].type"), "unknown field type 'money'"),
                Arguments.of("reference to a missing type", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}, {'key': 'r', 'type': 'reference', 'reference': {'type': 'ghost'}}]}]}",
                        List.of("types[0].fields[1].reference.type"), "names no type of this app: 'ghost'"),
                Arguments.of("enum without values", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'e', 'type': 'enum'}]}]}", List.of("types[0].fields[0].values"), "needs values"),
                Arguments.of("default not valid for the type", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'n', 'type': 'integer', 'default': 'ten'}]}]}", List.of("types[0].fields[0].default"),
                        "must be a whole number"),
                Arguments.of("set-null on a required reference", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'r', 'type': 'reference', 'required': true, 'reference': {'type': 'a', 'onDelete': 'set-null'}}]}]}",
                        List.of("types[0].fields[0].reference.onDelete"), "set-null cannot be used on a required field"),
                Arguments.of("rename without an active version", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'b', 'previousKey': 'c', 'type': 'text'}]}]}", List.of("types[0].fields[0].previousKey"),
                        "no active version"),
                Arguments.of("security partition naming no field", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', "
                        + "'securityPartition': 'zone', 'fields': [{'key': 'f', 'type': 'text'}]}]}",
                        List.of("types[0].securityPartition"), "names no field of type 'a': 'zone'"),
                Arguments.of("form naming an unknown field", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}]}], 'forms': [{'key': 'fa', 'type': 'a', 'sections': [{'fields': ["
                        + "{'field': 'g'}]}]}]}", List.of("forms[0].sections[0].fields[0].field"), "names no field of type 'a': 'g'"),
                Arguments.of("list naming an unknown field", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}]}], 'lists': [{'key': 'la', 'type': 'a', 'columns': [{'field': 'f'}],"
                        + " 'sort': [{'field': 'nope'}]}]}", List.of("lists[0].sort[0].field"), "names no field"),
                Arguments.of("rule naming an unknown role", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}]}], 'roles': [{'key': 'clerk'}], 'access': [{'role': 'boss', 'type': 'a',"
                        + " 'operations': ['read']}]}", List.of("access[0].role"), "names no role of this app: 'boss'"),
                Arguments.of("rule naming an unknown field", "{'key': 'k', 'name': 'N', 'types': [{'key': 'a', 'fields': ["
                        + "{'key': 'f', 'type': 'text'}]}], 'roles': [{'key': 'clerk'}], 'access': [{'role': 'clerk', 'type': 'a',"
                        + " 'operations': ['read'], 'rows': [{'field': 'g', 'op': 'eq', 'value': '$user.id'}]}]}",
                        List.of("access[0].rows[0].field"), "names no field of type 'a': 'g'"),
                Arguments.of("too many types", "{'key': 'k', 'name': 'N', 'types': " + manyTypes(201) + "}",
                        List.of("types"), "at most 200"));
    }

    private static String manyTypes(int count) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            types.add(Json.createObjectBuilder().add("key", "t" + i));
        }
        return types.build().toString().replace('"', '\'');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModels")
    void eachKindOfInvalidModelIsRefusedWithItsPath(String kind, String model, List<String> fields, String message) {
        String key = RUN + "-invalid";
        if (Http.admin().get(APPS + "/" + key).statusCode() == 404) {
            create(key);
        }
        JsonObject document = json(model);
        HttpResponse<String> response = document.getString("key").equals("k")
                ? putDraft(key, Json.createObjectBuilder(document).add("key", key).build())
                : Http.admin().post(APPS, document.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).getString("code")).isEqualTo("validation-failed");
        assertThat(errorFields(response)).containsExactlyElementsOf(fields);
        assertThat(Http.json(response).getJsonArray("errors").getJsonObject(0).getString("message")).contains(message);
    }

    @Test
    void aModelOverTwoMebibytesIsRefusedUnread() {
        String huge = "{\"key\":\"" + RUN + "-huge\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> response = Http.admin().post(APPS, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).getString("code")).isEqualTo("body-too-large");
    }

    @Test
    void publishingFreezesVersionsThatCanBeComparedAndRolledBack() throws Exception {
        String key = RUN + "-orders";
        create(key);
        assertThat(putDraft(key, orders(key)).statusCode()).isEqualTo(200);

        HttpResponse<String> dryRun = Http.admin().post(APPS + "/" + key + "/publish?dryRun=true", "");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonObject plan = Http.json(dryRun).getJsonObject("plan");
        assertThat(plan.getJsonArray("participants").getJsonObject(0).getString("service")).isEqualTo("view-service");
        assertThat(plan.get("baseVersion")).isEqualTo(JsonValue.NULL);
        assertThat(Http.json(Http.admin().get(APPS + "/" + key)).containsKey("activeVersion")).as("a dry run publishes nothing")
                .isFalse();

        JsonObject first = publish(key);
        assertThat(first.getString("status")).as(first.toString()).isEqualTo("active");
        assertThat(first.getInt("version")).isEqualTo(1);
        assertThat(first.getJsonArray("steps").getValuesAs(JsonObject.class)).extracting(s -> s.getString("name") + ":"
                + s.getString("status")).containsExactly("validate:done", "diff:done", "catalogs.plan:done", "catalogs.apply:done", "freeze:done", "activate:done");

        JsonObject renamed = parse(orders(key).toString().replace("{\"key\":\"fullname\"",
                "{\"key\":\"full_name\",\"previousKey\":\"fullname\""));
        JsonObject v2Model = Json.createObjectBuilder(renamed).add("lists", JsonValue.EMPTY_JSON_ARRAY)
                .add("navigation", JsonValue.EMPTY_JSON_ARRAY).add("forms", JsonValue.EMPTY_JSON_ARRAY)
                .add("types", Json.createArrayBuilder(renamed.getJsonArray("types"))
                        .add(json("{'key': 'invoice', 'fields': [{'key': 'no', 'type': 'integer', 'unique': true}]}")))
                .build();
        HttpResponse<String> badRename = putDraft(key, parse(v2Model.toString().replace("\"previousKey\":\"fullname\"",
                "\"previousKey\":\"nickname\"")));
        assertThat(badRename.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRename).getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("names no field of type 'customer' in the active version: 'nickname'");
        HttpResponse<String> saved = putDraft(key, v2Model);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonObject second = publish(key);
        assertThat(second.getString("status")).as(second.toString()).isEqualTo("active");
        assertThat(second.getInt("version")).isEqualTo(2);
        assertThat(second.getInt("baseVersion")).isEqualTo(1);
        assertThat(Http.admin().get(APPS + "/" + key + "/draft").body()).as("applied renames leave the draft")
                .doesNotContain("previousKey");

        JsonObject versions = Http.json(Http.admin().get(APPS + "/" + key + "/versions"));
        assertThat(versions.getInt("total")).isEqualTo(2);
        assertThat(versions.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(v -> v.getInt("version") + ":" + v.getBoolean("active")).containsExactly("2:true", "1:false");
        assertThat(Http.json(Http.admin().get(APPS + "/" + key + "/versions/1")).getJsonObject("model"))
                .isEqualTo(orders(key));

        JsonObject diff = Http.json(Http.admin().get(APPS + "/" + key + "/versions/1/diff/2"));
        assertThat(diff.getJsonArray("changes").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("path") + " " + c.getString("change"))
                .contains("types[customer].fields[full_name] renamed", "types[invoice] added", "forms removed",
                        "lists removed", "navigation removed");
        assertThat(diff.getJsonObject("summary").getInt("renamed")).isEqualTo(1);

        JsonObject again = publish(key);
        assertThat(again.getString("status")).isEqualTo("active");
        assertThat(again.getBoolean("unchanged")).as("publishing what is active changes nothing").isTrue();
        assertThat(again.getInt("version")).isEqualTo(2);

        HttpResponse<String> rollback = Http.admin().post(APPS + "/" + key + "/rollback", "{\"version\":1}");
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(202);
        JsonObject rolledBack = finished(key, Http.json(rollback));
        assertThat(rolledBack.getString("status")).as(rolledBack.toString()).isEqualTo("active");
        assertThat(rolledBack.getInt("version")).isEqualTo(3);
        JsonObject third = Http.json(Http.admin().get(APPS + "/" + key + "/versions/3"));
        assertThat(third.getString("origin")).isEqualTo("rollback");
        assertThat(third.getInt("sourceVersion")).isEqualTo(1);
        assertThat(third.getJsonObject("model")).isEqualTo(orders(key));
        assertThat(Http.json(Http.admin().get(APPS + "/" + key)).getInt("activeVersion")).isEqualTo(3);
        assertThat(Http.admin().delete(APPS + "/" + key).statusCode()).as("published apps stay").isEqualTo(409);

        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", Service.VIEW_SERVICE.grpcPort)
                .usePlaintext().build();
        try {
            AppModel active = AppServiceGrpc.newBlockingStub(channel).withInterceptors(GrpcAuth.admin())
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getActiveModel(GetActiveModelRequest.newBuilder().setApp(key).build());
            assertThat(active.getVersion()).isEqualTo(3);
            assertThat(parse(active.getModelJson())).isEqualTo(orders(key));
        } finally {
            channel.shutdownNow();
        }

        try (Connection db = infra.database(); Statement statement = db.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE view_service.app_version SET checksum = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM view_service.app_version"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
    }

    @Test
    void aPublishWhileAnotherRunsIsRefusedAndALostHolderFreesTheApp() throws Exception {
        String key = RUN + "-locked";
        create(key);
        try (Connection holder = infra.database()) {
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT pg_advisory_lock(?, (SELECT lock_id FROM view_service.app WHERE app_key = ?))")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setString(2, key);
                lock.executeQuery().close();
            }
            HttpResponse<String> refused = Http.admin().post(APPS + "/" + key + "/publish", "");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(Http.json(refused).getString("code")).isEqualTo("publication-in-progress");
        }
        // The holder's connection is gone, as when an instance dies: its lock went with it.
        assertThat(publish(key).getString("status")).isEqualTo("active");
    }

    @Test
    void anExportImportedUnderANewKeyReproducesTheApp() throws Exception {
        String key = RUN + "-source";
        create(key);
        assertThat(putDraft(key, orders(key)).statusCode()).isEqualTo(200);
        assertThat(publish(key).getString("status")).isEqualTo("active");
        JsonObject draft = Json.createObjectBuilder(orders(key)).add("description", "edited after publishing").build();
        assertThat(putDraft(key, draft).statusCode()).isEqualTo(200);

        HttpResponse<String> export = Http.admin().get(APPS + "/" + key + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(key));
        JsonObject file = Http.json(export);
        assertThat(file.getString("format")).isEqualTo("plinth-app-export");
        assertThat(file.getJsonArray("versions")).hasSize(1);

        String copy = RUN + "-copy";
        HttpResponse<String> imported = Http.admin().post(APPS + "/import?key=" + copy, file.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonObject result = Http.json(imported);
        assertThat(result.getBoolean("created")).isTrue();
        JsonObject activation = finished(copy, result.getJsonObject("publication"));
        assertThat(activation.getString("status")).as(activation.toString()).isEqualTo("active");
        assertThat(activation.getString("kind")).isEqualTo("import");

        JsonObject copied = Http.json(Http.admin().get(APPS + "/" + copy));
        assertThat(copied.getInt("activeVersion")).isEqualTo(1);
        assertThat(Http.json(Http.admin().get(APPS + "/" + copy + "/versions/1")).getJsonObject("model"))
                .isEqualTo(orders(copy));
        assertThat(Http.json(Http.admin().get(APPS + "/" + copy + "/draft")))
                .isEqualTo(Json.createObjectBuilder(draft).add("key", copy).build());

        HttpResponse<String> conflict = Http.admin().post(APPS + "/import?key=" + copy, file.toString());
        assertThat(conflict.statusCode()).as("the copy's draft is not published").isEqualTo(409);
        assertThat(Http.json(conflict).getString("code")).isEqualTo("import-conflict");
        assertThat(errorFields(conflict)).containsExactly("draft");
        HttpResponse<String> overwritten = Http.admin().post(APPS + "/import?key=" + copy + "&overwriteDraft=true",
                file.toString());
        assertThat(overwritten.statusCode()).as(overwritten.body()).isEqualTo(200);
        assertThat(Http.json(overwritten).getJsonArray("ignoredVersions")).hasSize(1);

        HttpResponse<String> broken = Http.admin().post(APPS + "/import",
                Json.createObjectBuilder(file).add("format", "zip").build().toString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(errorFields(broken)).contains("format");
    }

    @Test
    void theSchemaIsPublishedAndEveryCallNeedsASignedInCaller() {
        HttpResponse<String> schema = Http.admin().get(Service.VIEW_SERVICE.splitUrl() + "/api/schema/app");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/schema+json"));
        assertThat(Http.json(schema).getString("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");

        Http anonymous = Http.anonymous();
        for (HttpResponse<String> response : List.of(anonymous.get(APPS), anonymous.post(APPS, "{\"key\":\"anon\",\"name\":\"A\"}"),
                anonymous.get(Service.VIEW_SERVICE.splitUrl() + "/api/schema/app"),
                anonymous.post(APPS + "/anything/publish", ""), anonymous.post(APPS + "/import", "{}"))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
        }
    }
}
