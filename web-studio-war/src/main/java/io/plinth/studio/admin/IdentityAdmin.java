package io.plinth.studio.admin;

import static io.plinth.studio.web.Answers.encode;

import io.plinth.kernel.config.Settings;
import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.web.Answers;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * identity's administration API (users, groups, roles, API tokens) with the signed-in user's
 * token: identity checks {@code identity:users:write} and the like, and its refusals are shown.
 */
@ApplicationScoped
public class IdentityAdmin {

    public static final String URL_KEY = "plinth.services.identity.url";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SERVICE = "identity";

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi(SERVICE, settings.uri(URL_KEY), executor, TIMEOUT);
    }

    public Listing<UserInfo> users(String token, String search, int offset, int limit)
            throws ServiceUnavailableException, RefusedException {
        return list("/api/users" + query(search, offset, limit), token, UserInfo::of);
    }

    /** Creates a user, and gives them a first password when one is given (identity checks its policy). */
    public void createUser(String token, String login, String displayName, String email, String password)
            throws ServiceUnavailableException, RefusedException {
        JsonObject user = Json.createObjectBuilder().add("login", login).add("displayName", displayName)
                .add("email", email).build();
        call("POST", "/api/users", token, user);
        if (password != null && !password.isEmpty()) {
            call("PUT", "/api/users/" + encode(login) + "/password", token,
                    Json.createObjectBuilder().add("password", password).build());
        }
    }

    /** {@code move}: disable, enable, lock or unlock. */
    public void changeStatus(String token, String login, String move) throws ServiceUnavailableException, RefusedException {
        call("POST", "/api/users/" + encode(login) + "/" + move, token, null);
    }

    public UserAccess access(String token, String login) throws ServiceUnavailableException, RefusedException {
        JsonObject answer = call("GET", "/api/users/" + encode(login) + "/access", token, null);
        return Answers.read(SERVICE, () -> UserAccess.of(login, answer));
    }

    public void assignRole(String token, String role, String login, boolean assign)
            throws ServiceUnavailableException, RefusedException {
        call(assign ? "PUT" : "DELETE", "/api/roles/" + encode(role) + "/users/" + encode(login), token, null);
    }

    public void addToGroup(String token, String group, String login, boolean add)
            throws ServiceUnavailableException, RefusedException {
        call(add ? "PUT" : "DELETE", "/api/groups/" + encode(group) + "/members/" + encode(login), token, null);
    }

    public Listing<RoleInfo> roles(String token, String search, int offset, int limit)
            throws ServiceUnavailableException, RefusedException {
        return list("/api/roles" + query(search, offset, limit), token, RoleInfo::of);
    }

    /** Creates a role, or replaces the name, description and patterns of an existing one ({@code create} false). */
    public void saveRole(String token, RoleInfo role, boolean create) throws ServiceUnavailableException, RefusedException {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        role.permissions().forEach(permissions::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", role.name()).add("permissions", permissions);
        if (role.description() != null && !role.description().isBlank()) {
            body.add("description", role.description());
        }
        if (create) {
            call("POST", "/api/roles", token, body.add("key", role.key()).build());
        } else {
            call("PUT", "/api/roles/" + encode(role.key()), token, body.build());
        }
    }

    public void deleteRole(String token, String key) throws ServiceUnavailableException, RefusedException {
        call("DELETE", "/api/roles/" + encode(key), token, null);
    }

    public Listing<GroupInfo> groups(String token, String search, int offset, int limit)
            throws ServiceUnavailableException, RefusedException {
        return list("/api/groups" + query(search, offset, limit), token, GroupInfo::of);
    }

    public void createGroup(String token, GroupInfo group) throws ServiceUnavailableException, RefusedException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("key", group.key()).add("name", group.name());
        if (group.description() != null && !group.description().isBlank()) {
            body.add("description", group.description());
        }
        if (group.parent() != null && !group.parent().isBlank()) {
            body.add("parent", group.parent());
        }
        call("POST", "/api/groups", token, body.build());
    }

    public void deleteGroup(String token, String key) throws ServiceUnavailableException, RefusedException {
        call("DELETE", "/api/groups/" + encode(key), token, null);
    }

    /** The signed-in user's own API tokens. */
    public Listing<ApiTokenInfo> tokens(String token, int offset, int limit)
            throws ServiceUnavailableException, RefusedException {
        return list("/api/tokens?offset=" + offset + "&limit=" + limit, token, ApiTokenInfo::of);
    }

    /** Creates a token and answers its secret, which identity shows this once. */
    public String createToken(String token, String name, int days) throws ServiceUnavailableException, RefusedException {
        JsonObject answer = call("POST", "/api/tokens", token,
                Json.createObjectBuilder().add("name", name).add("expiresInDays", days).build());
        return Answers.read(SERVICE, () -> {
            String secret = Answers.text(answer, "token");
            if (secret == null) {
                throw new IllegalArgumentException("a new API token without its secret");
            }
            return secret;
        });
    }

    public void revokeToken(String token, String id) throws ServiceUnavailableException, RefusedException {
        call("DELETE", "/api/tokens/" + encode(id), token, null);
    }

    private <T extends java.io.Serializable> Listing<T> list(String path, String token, Function<JsonObject, T> item)
            throws ServiceUnavailableException, RefusedException {
        JsonObject page = call("GET", path, token, null);
        return Answers.read(SERVICE, () -> new Listing<>(
                page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item).toList(),
                page.getInt("offset"), page.getInt("limit"), page.getJsonNumber("total").longValueExact()));
    }

    private JsonObject call(String method, String path, String token, JsonObject body)
            throws ServiceUnavailableException, RefusedException {
        return Answers.checked(SERVICE, api.send(method, path, token, body, Map.of())).body();
    }

    static String query(String search, int offset, int limit) {
        return "?offset=" + offset + "&limit=" + limit
                + (search == null || search.isBlank() ? "" : "&q=" + encode(search.strip()));
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
    }
}
