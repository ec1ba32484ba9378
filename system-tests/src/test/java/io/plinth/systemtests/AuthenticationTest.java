package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.plinth.contracts.identity.v1.GetUserRequest;
import io.plinth.contracts.identity.v1.UserServiceGrpc;
import io.plinth.systemtests.support.GrpcAuth;
import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in, tokens and their checks, through the running services in split mode: identity issues
 * the tokens, view-service (another JVM) verifies them with identity's published keys.
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class AuthenticationTest {

    private static final String IDENTITY = Service.IDENTITY.splitUrl();
    private static final String APPS = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
    private static final String PASSWORD = "correct horse battery staple";
    private static TestInfrastructure infra;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
    }

    @Test
    void signInRefreshAndLogOutWorkEndToEnd() {
        JsonObject tokens = signIn(infra.adminLogin, infra.adminPassword);
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getJsonNumber("expires_in").longValue()).isEqualTo(300);
        String access = tokens.getString("access_token");

        JsonObject me = Http.json(Http.as(access).get(IDENTITY + "/api/me"));
        assertThat(me.getString("login")).isEqualTo(infra.adminLogin);
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("platform-admin");
        assertThat(Http.as(access).get(APPS).statusCode()).isEqualTo(200);

        JsonObject refreshed = refresh(tokens.getString("refresh_token"));
        assertThat(refreshed.getString("refresh_token")).isNotEqualTo(tokens.getString("refresh_token"));
        assertThat(Http.as(refreshed.getString("access_token")).get(APPS).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = Http.anonymous().post(IDENTITY + "/api/auth/logout",
                body("refresh_token", refreshed.getString("refresh_token")));
        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<String> afterLogout = refreshResponse(refreshed.getString("refresh_token"));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(Http.json(afterLogout).getString("code")).isEqualTo("refresh-token-revoked");
    }

    @Test
    void aReplayedRefreshTokenRevokesItsWholeFamily() {
        JsonObject first = signIn(infra.adminLogin, infra.adminPassword);
        JsonObject second = refresh(first.getString("refresh_token"));

        HttpResponse<String> replay = refreshResponse(first.getString("refresh_token"));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(Http.json(replay).getString("code")).isEqualTo("refresh-token-reused");
        // The legitimate successor is gone too: whoever copied the token cannot go on, nor can the user.
        assertThat(refreshResponse(second.getString("refresh_token")).statusCode()).isEqualTo(401);
    }

    @Test
    void everyApiNeedsAToken() {
        HttpResponse<String> anonymous = Http.anonymous().get(APPS);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(Http.json(anonymous).getString("code")).isEqualTo("unauthenticated");
        for (Service service : Service.values()) {
            if (service != Service.WEB_STUDIO) {
                assertThat(Http.status(service.splitUrl() + "/hc")).as(service.serviceName).isEqualTo(200);
            }
        }
        assertThat(Http.anonymous().get(IDENTITY + "/api/users").statusCode()).isEqualTo(401);
        assertThat(Http.anonymous().get(Service.CATALOGS.splitUrl() + "/api/catalogs/x").statusCode()).isEqualTo(401);
        assertThat(Http.anonymous().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(APPS))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")).statusCode()).isEqualTo(401);
    }

    @Test
    void forgedAndAlteredTokensAreRefused() throws Exception {
        RSAKey platformKey = activeKey();
        // The control: made exactly like the platform's tokens, it passes; each forgery below differs in one thing.
        assertThat(Http.as(sign(claims(c -> c), platformKey, platformKey.getKeyID())).get(APPS).statusCode()).isEqualTo(200);

        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(sign(claims(c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60)))),
                platformKey, platformKey.getKeyID()));
        assertRefused(sign(claims(c -> c.issuer("http://evil.example")), platformKey, platformKey.getKeyID()));
        assertRefused(sign(claims(c -> c.audience("someone-else")), platformKey, platformKey.getKeyID()));

        RSAKey stranger = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
        assertRefused(sign(claims(c -> c), stranger, platformKey.getKeyID()));
        assertRefused(sign(claims(c -> c), stranger, "unknown-" + UUID.randomUUID()));
        assertRefused(new PlainJWT(claims(c -> c)).serialize());

        String genuine = Platform.login(infra.adminLogin, infra.adminPassword);
        String[] parts = genuine.split("\\.");
        JWTClaimsSet raised = new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet())
                .subject(UUID.randomUUID().toString()).build();
        assertRefused(parts[0] + "." + Base64URL.encode(raised.toString()) + "." + parts[2]);
    }

    @Test
    void aUserWithoutThePermissionIsForbiddenOnRestAndGrpc() {
        String token = newUser("no-rights-" + shortId());
        HttpResponse<String> forbidden = Http.as(token).get(IDENTITY + "/api/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Http.json(forbidden).getString("code")).isEqualTo("forbidden");
        assertThat(Http.json(forbidden).getString("detail")).contains("identity:users:read");
        HttpResponse<String> otherService = Http.as(token).get(Service.DATA_FLOW.splitUrl() + "/api/scripts");
        assertThat(otherService.statusCode()).isEqualTo(403);
        assertThat(Http.json(otherService).getString("detail")).contains("data-flow:scripts:read");
        assertThat(Http.as(token).get(IDENTITY + "/api/me").statusCode()).isEqualTo(200);

        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", Service.IDENTITY.grpcPort).usePlaintext().build();
        try {
            var users = UserServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
            var request = GetUserRequest.newBuilder().setLogin(infra.adminLogin).build();
            assertThat(grpcStatus(() -> users.getUser(request))).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(grpcStatus(() -> users.withInterceptors(GrpcAuth.bearer("not.a.token")).getUser(request)))
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(grpcStatus(() -> users.withInterceptors(GrpcAuth.bearer(token)).getUser(request)))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(users.withInterceptors(GrpcAuth.admin()).getUser(request).getLogin()).isEqualTo(infra.adminLogin);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void repeatedFailuresLockTheLoginAndUnknownLoginsLookTheSame() {
        String login = "locked-" + shortId();
        newUser(login);
        HttpResponse<String> wrongPassword = Platform.signIn(login, "not the password at all");
        HttpResponse<String> unknownUser = Platform.signIn("nobody-" + shortId(), "not the password at all");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        JsonObject wrong = Http.json(wrongPassword);
        JsonObject unknown = Http.json(unknownUser);
        assertThat(wrong.getString("code")).isEqualTo(unknown.getString("code")).isEqualTo("invalid-credentials");
        assertThat(wrong.getString("detail")).isEqualTo(unknown.getString("detail"));

        for (int i = 0; i < 4; i++) {
            Platform.signIn(login, "still not the password");
        }
        HttpResponse<String> locked = Platform.signIn(login, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(Http.json(locked).getString("code")).isEqualTo("account-locked");
    }

    @Test
    void tokensOfARotatedKeyStayValidAndNewOnesUseTheNewKey() throws Exception {
        String before = Platform.login(infra.adminLogin, infra.adminPassword);
        HttpResponse<String> rotated = Http.admin().post(IDENTITY + "/api/keys/rotate", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String after = Platform.login(infra.adminLogin, infra.adminPassword);

        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertThat(newKid).isEqualTo(Http.json(rotated).getString("kid")).isNotEqualTo(oldKid);
        String jwks = Http.anonymous().get(IDENTITY + "/.well-known/jwks.json").body();
        assertThat(jwks).contains(oldKid, newKid).doesNotContain("\"d\"");
        assertThat(Http.as(before).get(APPS).statusCode()).isEqualTo(200);
        assertThat(Http.as(after).get(APPS).statusCode()).isEqualTo(200);
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeys() {
        JsonObject discovery = Http.json(Http.anonymous().get(IDENTITY + "/.well-known/openid-configuration"));
        assertThat(discovery.getString("issuer")).isEqualTo(IDENTITY);
        assertThat(discovery.getString("jwks_uri")).isEqualTo(IDENTITY + "/.well-known/jwks.json");
    }

    @Test
    void apiTokensAreShownOnceExchangedAndRevocable() {
        HttpResponse<String> created = Http.admin().post(IDENTITY + "/api/tokens", "{\"name\":\"ci\",\"expiresInDays\":7}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = Http.json(created).getString("token");
        String id = Http.json(created).getString("id");
        assertThat(Http.admin().get(IDENTITY + "/api/tokens").body()).contains(id).doesNotContain(secret);

        HttpResponse<String> exchanged = Http.anonymous().post(IDENTITY + "/api/auth/token", body("api_token", secret));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(Http.json(exchanged).containsKey("refresh_token")).isFalse();
        assertThat(Http.as(Http.json(exchanged).getString("access_token")).get(APPS).statusCode()).isEqualTo(200);

        assertThat(Http.admin().delete(IDENTITY + "/api/tokens/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = Http.anonymous().post(IDENTITY + "/api/auth/token", body("api_token", secret));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(Http.json(revoked).getString("code")).isEqualTo("api-token-invalid");
        assertThat(Http.admin().post(IDENTITY + "/api/tokens", "{\"name\":\"\",\"expiresInDays\":0}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void weakPasswordsAndBadSignInBodiesAreClearProblems() {
        String login = "weak-" + shortId();
        assertThat(Http.admin().post(IDENTITY + "/api/users", user(login)).statusCode()).isEqualTo(201);
        HttpResponse<String> weak = Http.admin().put(IDENTITY + "/api/users/" + login + "/password", body("password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Http.json(weak).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
        assertThat(Platform.signIn(login, "short").statusCode()).isEqualTo(401);

        HttpResponse<String> huge = Http.anonymous().post(IDENTITY + "/api/auth/login",
                Json.createObjectBuilder().add("login", "x".repeat(300)).add("password", "y".repeat(5000)).build().toString());
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(Http.json(huge).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).containsExactlyInAnyOrder("login", "password");
        assertThat(Http.anonymous().post(IDENTITY + "/api/auth/login", "{\"login\":").statusCode()).isEqualTo(400);
    }

    private static String newUser(String login) {
        HttpResponse<String> created = Http.admin().post(IDENTITY + "/api/users", user(login));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> password = Http.admin().put(IDENTITY + "/api/users/" + login + "/password", body("password", PASSWORD));
        assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
        return Platform.login(login, PASSWORD);
    }

    private static String user(String login) {
        return Json.createObjectBuilder().add("login", login).add("displayName", "Test " + login)
                .add("email", login + "@example.com").build().toString();
    }

    private static JsonObject signIn(String login, String password) {
        HttpResponse<String> response = Platform.signIn(login, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static JsonObject refresh(String refreshToken) {
        HttpResponse<String> response = refreshResponse(refreshToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static HttpResponse<String> refreshResponse(String refreshToken) {
        return Http.anonymous().post(IDENTITY + "/api/auth/refresh", body("refresh_token", refreshToken));
    }

    private static String body(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }

    /** The platform's active private key, read from identity's table: forged tokens differ from real ones in one thing only. */
    private static RSAKey activeKey() throws Exception {
        try (Connection db = infra.database();
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT private_jwk FROM identity.signing_key WHERE retired_at IS NULL")) {
            row.next();
            return RSAKey.parse(row.getString(1));
        }
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(IDENTITY).audience("plinth")
                .subject(UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .claim("upn", "forger").claim("roles", List.of("platform-admin")).claim("perms", List.of("*"));
        return change.apply(claims).build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void assertRefused(String token) {
        HttpResponse<String> response = Http.as(token).get(APPS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(Http.json(response).getString("code")).isEqualTo("unauthenticated");
    }

    private static Status.Code grpcStatus(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
