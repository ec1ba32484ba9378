package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.plinth.contracts.identity.v1.AccessServiceGrpc;
import io.plinth.contracts.identity.v1.PermissionDefinition;
import io.plinth.contracts.identity.v1.PermissionRegistryGrpc;
import io.plinth.contracts.identity.v1.RegisterPermissionsRequest;
import io.plinth.contracts.identity.v1.RegisterPermissionsResponse;
import io.plinth.contracts.identity.v1.ResolveAccessRequest;
import io.plinth.contracts.identity.v1.ResolvedAccess;
import io.plinth.systemtests.support.GrpcAuth;
import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administration of identity through the running service in split mode: nested groups, roles and
 * their assignment, effective access over REST and gRPC, the permission registry, the audit log,
 * and 403 for a signed-in user without the permission.
 */
@Order(3)
@ExtendWith(PlatformExtension.class)
class IdentityAdministrationTest {

    private static final String IDENTITY = Service.IDENTITY.splitUrl();
    private static final String PASSWORD = "Administration-Test-Password-7";
    /** Keys of this run, so the test can run again against the same database. */
    private static final String RUN = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static TestInfrastructure infra;
    private static ManagedChannel channel;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        channel = NettyChannelBuilder.forAddress("localhost", Service.IDENTITY.grpcPort).usePlaintext().build();
    }

    @AfterAll
    static void closeChannel() {
        channel.shutdownNow();
    }

    @Test
    void groupsNestAndAMoveThatWouldMakeALoopIsRefused() {
        String top = RUN + "-top";
        String middle = RUN + "-middle";
        String bottom = RUN + "-bottom";
        assertThat(createGroup(top, null).statusCode()).isEqualTo(201);
        assertThat(createGroup(middle, top).statusCode()).isEqualTo(201);
        HttpResponse<String> created = createGroup(bottom, middle);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).getString("parent")).isEqualTo(middle);

        HttpResponse<String> loop = Http.admin().put(IDENTITY + "/api/groups/" + top, group(top, bottom).build().toString());
        assertThat(loop.statusCode()).as(loop.body()).isEqualTo(409);
        assertThat(Http.json(loop).getString("code")).isEqualTo("group-cycle");
        assertThat(Http.json(loop).getString("detail")).contains(bottom, middle, top);

        HttpResponse<String> self = Http.admin().put(IDENTITY + "/api/groups/" + top, group(top, top).build().toString());
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(fields(self)).containsExactly("parent");

        HttpResponse<String> unknownParent = createGroup(RUN + "-orphan", RUN + "-nowhere");
        assertThat(unknownParent.statusCode()).isEqualTo(400);
        assertThat(fields(unknownParent)).containsExactly("parent");
        assertThat(Http.admin().get(IDENTITY + "/api/groups/" + RUN + "-orphan").statusCode()).isEqualTo(404);

        JsonObject children = Http.json(Http.admin().get(IDENTITY + "/api/groups?parent=" + top));
        assertThat(children.getInt("total")).isEqualTo(1);
        assertThat(children.getJsonArray("items").getJsonObject(0).getString("key")).isEqualTo(middle);

        HttpResponse<String> stillParent = Http.admin().delete(IDENTITY + "/api/groups/" + top);
        assertThat(stillParent.statusCode()).isEqualTo(409);
        assertThat(Http.json(stillParent).getString("code")).isEqualTo("group-has-children");

        HttpResponse<String> badKey = createGroup("Not A Key", null);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(fields(badKey)).containsExactly("key");
        assertThat(createGroup(top, null).statusCode()).as("a taken key").isEqualTo(409);
    }

    @Test
    void aRoleWithABadPatternIsRefusedAndNothingIsCreated() {
        String key = RUN + "-bad-role";
        HttpResponse<String> refused = Http.admin().post(IDENTITY + "/api/roles",
                role(key, "catalogs:app.orders:read", "Catalogs Everything").toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(refused)).containsExactly("permissions[1]");
        assertThat(Http.admin().get(IDENTITY + "/api/roles/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void builtInRolesCannotBeDeletedOrChanged() {
        HttpResponse<String> delete = Http.admin().delete(IDENTITY + "/api/roles/platform-admin");
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(Http.json(delete).getString("code")).isEqualTo("role-built-in");

        HttpResponse<String> change = Http.admin().put(IDENTITY + "/api/roles/app-builder",
                "{\"name\":\"Everything\",\"permissions\":[\"*\"]}");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(Http.json(Http.admin().get(IDENTITY + "/api/roles/app-builder")).getJsonArray("permissions"))
                .extracting(value -> value.toString().replace("\"", ""))
                .containsExactly("catalogs:schema:*", "identity:groups:read", "identity:users:read", "view-service:apps:*");
    }

    @Test
    void aRoleAssignedToAParentGroupReachesMembersOfItsSubGroups() {
        String login = RUN + "-member";
        String parent = RUN + "-dept";
        String child = RUN + "-team";
        String roleKey = RUN + "-orders";
        createUser(login);
        assertThat(createGroup(parent, null).statusCode()).isEqualTo(201);
        assertThat(createGroup(child, parent).statusCode()).isEqualTo(201);
        assertThat(Http.admin().put(IDENTITY + "/api/groups/" + child + "/members/" + login, "").statusCode())
                .isEqualTo(204);
        HttpResponse<String> role = Http.admin().post(IDENTITY + "/api/roles",
                role(roleKey, "catalogs:app.orders:*", "view-service:apps:read").toString());
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        HttpResponse<String> assigned = Http.admin().put(IDENTITY + "/api/roles/" + roleKey + "/groups/" + parent, "");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
        assertThat(Http.admin().put(IDENTITY + "/api/roles/" + roleKey + "/groups/" + parent, "").statusCode())
                .as("assigning again changes nothing").isEqualTo(204);

        JsonObject access = Http.json(Http.admin().get(IDENTITY + "/api/users/" + login + "/access"));
        assertThat(strings(access, "groups")).as("sorted").containsExactly(parent, child);
        assertThat(strings(access, "roles")).containsExactly(roleKey);
        assertThat(strings(access, "permissions")).containsExactly("catalogs:app.orders:*", "view-service:apps:read");

        ResolvedAccess resolved = AccessServiceGrpc.newBlockingStub(channel).withInterceptors(GrpcAuth.admin())
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .resolveAccess(ResolveAccessRequest.newBuilder().setLogin(login).build());
        assertThat(resolved.getUser().getLogin()).isEqualTo(login);
        assertThat(resolved.getGroupsList()).containsExactly(parent, child);
        assertThat(resolved.getPermissionsList()).containsExactly("catalogs:app.orders:*", "view-service:apps:read");

        JsonObject members = Http.json(Http.admin().get(IDENTITY + "/api/users?group=" + child));
        assertThat(members.getInt("total")).isEqualTo(1);

        assertThat(Http.admin().delete(IDENTITY + "/api/groups/" + child + "/members/" + login).statusCode())
                .isEqualTo(204);
        JsonObject after = Http.json(Http.admin().get(IDENTITY + "/api/users/" + login + "/access"));
        assertThat(strings(after, "roles")).isEmpty();
        assertThat(strings(after, "permissions")).isEmpty();
    }

    @Test
    void everyAdministrativeChangeIsInTheAuditLog() {
        String key = RUN + "-audited";
        assertThat(createGroup(key, null).statusCode()).isEqualTo(201);
        assertThat(Http.admin().put(IDENTITY + "/api/groups/" + key, "{\"name\":\"Renamed\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.admin().delete(IDENTITY + "/api/groups/" + key).statusCode()).isEqualTo(204);

        JsonObject log = Http.json(Http.admin().get(IDENTITY + "/api/audit?targetType=group&targetId=" + key));
        List<JsonObject> entries = log.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(entries).extracting(entry -> entry.getString("action"))
                .as("newest first").containsExactly("group.deleted", "group.updated", "group.created");
        JsonObject created = entries.get(2);
        assertThat(created.getString("actorLogin")).isEqualTo(infra.adminLogin);
        assertThat(created.getString("requestId")).isNotBlank();
        assertThat(created.getJsonObject("details").getString("key")).isEqualTo(key);

        JsonObject byPrefix = Http.json(Http.admin().get(IDENTITY + "/api/audit?action=group.*&actor="
                + infra.adminLogin + "&limit=1"));
        assertThat(byPrefix.getJsonArray("items")).hasSize(1);
        assertThat(byPrefix.getInt("total")).isGreaterThanOrEqualTo(3);

        HttpResponse<String> badFilter = Http.admin().get(IDENTITY + "/api/audit?from=yesterday");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(fields(badFilter)).containsExactly("from");
    }

    @Test
    void usersChangeWithOptimisticVersionsAndMoveBetweenStatuses() {
        String login = RUN + "-changing";
        JsonObject user = Http.json(createUser(login));
        long version = user.getJsonNumber("version").longValue();

        HttpResponse<String> changed = Http.admin().patch(IDENTITY + "/api/users/" + login,
                "{\"displayName\":\"Changed Name\",\"version\":" + version + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).getString("displayName")).isEqualTo("Changed Name");
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"" + (version + 1) + "\"");

        HttpResponse<String> stale = Http.admin().patch(IDENTITY + "/api/users/" + login,
                "{\"displayName\":\"Lost Update\",\"version\":" + version + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Http.json(stale).getString("code")).isEqualTo("version-conflict");

        HttpResponse<String> invalid = Http.admin().patch(IDENTITY + "/api/users/" + login,
                "{\"email\":\"not an email\",\"timeZone\":\"Mars/Olympus\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("email", "timeZone");

        assertThat(status(Http.admin().post(IDENTITY + "/api/users/" + login + "/lock", ""))).isEqualTo("locked");
        HttpResponse<String> enableLocked = Http.admin().post(IDENTITY + "/api/users/" + login + "/enable", "");
        assertThat(enableLocked.statusCode()).isEqualTo(409);
        assertThat(status(Http.admin().post(IDENTITY + "/api/users/" + login + "/unlock", ""))).isEqualTo("active");
        assertThat(status(Http.admin().post(IDENTITY + "/api/users/" + login + "/disable", ""))).isEqualTo("disabled");

        JsonObject disabled = Http.json(Http.admin().get(IDENTITY + "/api/users?status=disabled&q=" + login));
        assertThat(disabled.getInt("total")).isEqualTo(1);
        assertThat(Http.admin().get(IDENTITY + "/api/users?status=sleeping").statusCode()).isEqualTo(400);
        assertThat(Http.admin().post(IDENTITY + "/api/users/" + RUN + "-nobody/lock", "").statusCode()).isEqualTo(404);
    }

    @Test
    void permissionsAreRegisteredIdempotentlyOverRestAndGrpc() {
        String name = "catalogs:app." + RUN + ":read";
        String body = "{\"description\":\"Read the records of the test app\"}";
        assertThat(Http.admin().put(IDENTITY + "/api/permissions/" + name, body).statusCode()).isEqualTo(201);
        HttpResponse<String> again = Http.admin().put(IDENTITY + "/api/permissions/" + name, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).getString("service")).isEqualTo("catalogs");
        assertThat(Http.admin().put(IDENTITY + "/api/permissions/Not:A:Name", body).statusCode()).isEqualTo(400);

        var registry = PermissionRegistryGrpc.newBlockingStub(channel).withInterceptors(GrpcAuth.admin())
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        RegisterPermissionsRequest batch = RegisterPermissionsRequest.newBuilder()
                .addPermissions(definition(name, "Read the records of the test app"))
                .addPermissions(definition("catalogs:app." + RUN + ":write", "Change the records of the test app"))
                .build();
        RegisterPermissionsResponse first = registry.registerPermissions(batch);
        assertThat(List.of(first.getCreated(), first.getUpdated(), first.getUnchanged())).containsExactly(1, 0, 1);
        RegisterPermissionsResponse second = registry.registerPermissions(batch);
        assertThat(List.of(second.getCreated(), second.getUpdated(), second.getUnchanged())).containsExactly(0, 0, 2);

        StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class, () -> registry.registerPermissions(
                RegisterPermissionsRequest.newBuilder().addPermissions(definition("catalogs:*", "")).build()));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.getStatus().getDescription()).contains("permissions[0].name", "permissions[0].description");

        JsonObject listed = Http.json(Http.admin().get(IDENTITY + "/api/permissions?service=catalogs&q=" + RUN));
        assertThat(listed.getInt("total")).isEqualTo(2);
    }

    @Test
    void aSignedInUserWithoutThePermissionGets403OnRestAndGrpc() {
        String login = RUN + "-plain";
        createUser(login);
        HttpResponse<String> password = Http.admin().put(IDENTITY + "/api/users/" + login + "/password",
                Json.createObjectBuilder().add("password", PASSWORD).build().toString());
        assertThat(password.statusCode()).as(password.body()).isIn(200, 204);
        String token = Platform.login(login, PASSWORD);

        HttpResponse<String> list = Http.as(token).get(IDENTITY + "/api/groups");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(Http.json(list).getString("code")).isEqualTo("forbidden");
        assertThat(Http.as(token).post(IDENTITY + "/api/roles", role(RUN + "-mine", "*").toString()).statusCode())
                .isEqualTo(403);
        assertThat(Http.as(token).put(IDENTITY + "/api/roles/platform-admin/users/" + login, "").statusCode())
                .as("nobody grants themselves a role").isEqualTo(403);
        assertThat(Http.as(token).get(IDENTITY + "/api/audit").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous().get(IDENTITY + "/api/audit").statusCode()).isEqualTo(401);

        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> AccessServiceGrpc
                .newBlockingStub(channel).withInterceptors(GrpcAuth.bearer(token))
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .resolveAccess(ResolveAccessRequest.newBuilder().setLogin(login).build()));
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

        String readerRole = RUN + "-group-reader";
        assertThat(Http.admin().post(IDENTITY + "/api/roles", role(readerRole, "identity:groups:read").toString())
                .statusCode()).isEqualTo(201);
        assertThat(Http.admin().put(IDENTITY + "/api/roles/" + readerRole + "/users/" + login, "").statusCode())
                .isEqualTo(204);
        String granted = Platform.login(login, PASSWORD);
        assertThat(Http.as(granted).get(IDENTITY + "/api/groups").statusCode()).isEqualTo(200);
        assertThat(Http.as(granted).post(IDENTITY + "/api/groups", group(RUN + "-not-mine", null).build().toString())
                .statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> createUser(String login) {
        HttpResponse<String> created = Http.admin().post(IDENTITY + "/api/users", Json.createObjectBuilder()
                .add("login", login)
                .add("displayName", "User " + login)
                .add("email", login + "@example.com")
                .build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static HttpResponse<String> createGroup(String key, String parent) {
        return Http.admin().post(IDENTITY + "/api/groups", group(key, parent).add("key", key).build().toString());
    }

    private static JsonObjectBuilder group(String key, String parent) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", "Group " + key);
        return parent == null ? json : json.add("parent", parent);
    }

    private static JsonObject role(String key, String... patterns) {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        for (String pattern : patterns) {
            permissions.add(pattern);
        }
        return Json.createObjectBuilder().add("key", key).add("name", "Role " + key).add("permissions", permissions)
                .build();
    }

    private static PermissionDefinition definition(String name, String description) {
        return PermissionDefinition.newBuilder().setName(name).setDescription(description).build();
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("status");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        return Http.json(problem).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
