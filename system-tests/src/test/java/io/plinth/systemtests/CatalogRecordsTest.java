package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The records API of catalogs through the running services in split mode: a schema applied with
 * access rules, identity users holding the app's role and a group, and row-level security seen
 * from the outside (reads, counts, filters, writes, bulk), optimistic locking with If-Match and
 * version, hidden fields, and record history.
 */
@Order(6)
@ExtendWith(PlatformExtension.class)
class CatalogRecordsTest {

    private static final String IDENTITY = Service.IDENTITY.splitUrl();
    private static final String CATALOGS = Service.CATALOGS.splitUrl();
    private static final String PASSWORD = "Records-Test-Password-7";
    /** Keys of this run, so the test can run again against the same database. */
    private static final String RUN = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String APP = "rec-" + RUN;
    private static final String NORTH = "north-" + RUN;
    private static final String SOUTH = "south-" + RUN;
    private static final String DATA = CATALOGS + "/api/data/" + APP + "/customer";

    private static Http alice;
    private static Http bob;

    @BeforeAll
    static void prepare() throws Exception {
        Platform.ensure(Platform.Mode.SPLIT);
        String role = "clerk-" + RUN;
        created(Http.admin().post(IDENTITY + "/api/roles", Json.createObjectBuilder().add("key", role)
                .add("name", "Clerk").add("permissions", Json.createArrayBuilder().add("catalogs:data:read")
                        .add("catalogs:data:write")).build().toString()));
        created(Http.admin().post(IDENTITY + "/api/groups", "{\"key\": \"" + NORTH + "\", \"name\": \"North\"}"));
        for (String login : List.of("alice-" + RUN, "bob-" + RUN)) {
            created(Http.admin().post(IDENTITY + "/api/users", Json.createObjectBuilder().add("login", login)
                    .add("displayName", login).add("email", login + "@example.com").build().toString()));
            assertThat(Http.admin().put(IDENTITY + "/api/users/" + login + "/password",
                    "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(204);
            assertThat(Http.admin().put(IDENTITY + "/api/roles/" + role + "/users/" + login, "").statusCode())
                    .isEqualTo(204);
        }
        assertThat(Http.admin().put(IDENTITY + "/api/groups/" + NORTH + "/members/alice-" + RUN, "").statusCode())
                .isEqualTo(204);
        String model = ("{'version': 1, 'types': [{'key': 'customer', 'securityPartition': 'region', 'fields': ["
                + "{'key': 'name', 'type': 'text', 'length': 100, 'required': true, 'unique': true},"
                + "{'key': 'region', 'type': 'enum', 'values': ['NORTH', 'SOUTH'], 'required': true},"
                + "{'key': 'credit', 'type': 'decimal', 'precision': 8, 'scale': 2}]}],"
                + " 'access': [{'role': 'platform-admin', 'type': 'customer', 'operations': ['create', 'read', 'update',"
                + " 'delete']}, {'role': 'ROLE', 'type': 'customer', 'operations': ['create', 'read', 'update'],"
                + " 'rows': [{'field': 'region', 'op': 'in', 'value': '$user.groups'}],"
                + " 'fields': [{'field': 'credit', 'access': 'hidden'}]}]}")
                .replace("NORTH", NORTH).replace("SOUTH", SOUTH).replace("ROLE", role).replace('\'', '"');
        HttpResponse<String> applied = Http.admin().post(CATALOGS + "/api/schema/" + APP + "/apply", model);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        alice = Http.as(Platform.login("alice-" + RUN, PASSWORD));
        bob = Http.as(Platform.login("bob-" + RUN, PASSWORD));
        created(Http.admin().post(DATA, "{\"name\": \"N1\", \"region\": \"" + NORTH + "\", \"credit\": 5}"));
        created(Http.admin().post(DATA, "{\"name\": \"S1\", \"region\": \"" + SOUTH + "\", \"credit\": 7}"));
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("items").stream().map(i -> i.asJsonObject().getString("name")).toList();
    }

    @Test
    void eachUserSeesCountsAndWritesOnlyTheRowsOfTheirRules() {
        assertThat(names(Http.admin().get(DATA + "?sort=name"))).containsExactly("N1", "S1");
        HttpResponse<String> mine = alice.get(DATA + "?sort=name");
        assertThat(names(mine)).containsExactly("N1");
        assertThat(Http.json(mine).getInt("total")).isEqualTo(1);
        assertThat(Http.json(mine).getJsonArray("items").getJsonObject(0).containsKey("credit")).isFalse();
        assertThat(names(bob.get(DATA))).isEmpty();
        assertThat(names(alice.get(DATA + "?filter=name:eq:S1"))).isEmpty();
        assertThat(names(alice.get(DATA + "?filter=name:eq:N1%27%20OR%20%271%27%3D%271"))).isEmpty();
        assertThat(alice.get(DATA + "?filter=credit:gt:1").statusCode()).isEqualTo(400);
        assertThat(alice.get(DATA + "?filter=nope:eq:1").statusCode()).isEqualTo(400);
        assertThat(alice.get(DATA + "?filter=name:approx:1").statusCode()).isEqualTo(400);

        String south = Http.json(Http.admin().get(DATA + "?filter=name:eq:S1")).getJsonArray("items").getJsonObject(0)
                .getString("id");
        assertThat(alice.get(DATA + "/" + south).statusCode()).isEqualTo(404);
        assertThat(alice.patch(DATA + "/" + south, "{\"name\": \"S1x\"}").statusCode()).isEqualTo(404);
        assertThat(alice.delete(DATA + "/" + south).statusCode()).isEqualTo(403);
        HttpResponse<String> far = alice.post(DATA, "{\"name\": \"S2\", \"region\": \"" + SOUTH + "\"}");
        assertThat(far.statusCode()).as(far.body()).isEqualTo(403);
        assertThat(Http.json(far).getString("code")).isEqualTo("row-not-allowed");
        HttpResponse<String> bulk = alice.post(DATA + "/bulk", "{\"operations\": [{\"op\": \"create\", \"record\":"
                + " {\"name\": \"B1\", \"region\": \"" + NORTH + "\"}}, {\"op\": \"create\", \"record\": {\"name\":"
                + " \"B2\", \"region\": \"" + SOUTH + "\"}}]}");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(403);
        assertThat(names(Http.admin().get(DATA + "?filter=name:in:B1,B2,S2"))).isEmpty();
        assertThat(Http.anonymous().get(DATA).statusCode()).isEqualTo(401);
    }

    @Test
    void versionsETagsHiddenFieldsAndHistory() {
        JsonObject record = created(alice.post(DATA, "{\"name\": \"N2\", \"region\": \"" + NORTH + "\"}"));
        String url = DATA + "/" + record.getString("id");
        HttpResponse<String> read = alice.get(url);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = alice.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("If-Match", "\"7\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"N2b\"}")));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        HttpResponse<String> patched = alice.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"N2b\"}")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<String> conflict = alice.put(url, "{\"name\": \"N2c\", \"region\": \"" + NORTH
                + "\", \"version\": 1}");
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(Http.json(conflict).getString("code")).isEqualTo("version-conflict");
        HttpResponse<String> hidden = alice.patch(url, "{\"credit\": 1}");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(403);
        assertThat(Http.json(hidden).getString("code")).isEqualTo("field-not-writable");
        HttpResponse<String> invalid = alice.patch(url, "{\"name\": 5, \"colour\": \"red\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Http.json(invalid).getJsonArray("errors")).hasSize(2);

        HttpResponse<String> history = alice.get(url + "/history");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(Http.json(history).getJsonArray("items").stream().map(i -> i.asJsonObject().getString("operation"))
                .toList()).containsExactly("updated", "created");
        assertThat(Http.admin().delete(url).statusCode()).isEqualTo(204);
        assertThat(alice.get(url).statusCode()).isEqualTo(404);
    }
}
