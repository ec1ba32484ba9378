package io.plinth.identity.auth;

import io.plinth.identity.tokens.Sessions;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/auth}: signing in and out. Answers follow OAuth 2.0's token response
 * ({@code access_token}, {@code refresh_token}, {@code token_type}, {@code expires_in}).
 */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    public record Credentials(
            @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String login,
            @NotNull(message = "is required") @Size(max = PasswordPolicy.MAX_LENGTH,
                    message = "must be at most " + PasswordPolicy.MAX_LENGTH + " characters") String password) {
    }

    public record RefreshRequest(
            @JsonbProperty("refresh_token") @NotBlank(message = "is required")
            @Size(max = 200, message = "must be at most 200 characters") String refreshToken) {
    }

    public record ApiTokenExchange(
            @JsonbProperty("api_token") @NotBlank(message = "is required")
            @Size(max = 100, message = "must be at most 100 characters") String apiToken) {
    }

    public record LogoutRequest(
            @JsonbProperty("refresh_token") @Size(max = 200, message = "must be at most 200 characters")
            String refreshToken) {
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response login(@NotNull(message = "a JSON body is required") @Valid Credentials credentials) {
        return tokens(signIn.withPassword(credentials.login(), credentials.password()));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response refresh(@NotNull(message = "a JSON body is required") @Valid RefreshRequest request) {
        return tokens(signIn.withRefreshToken(request.refreshToken()));
    }

    /** Trades a personal API token for an access token (no refresh token: trade again when it expires). */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response exchange(@NotNull(message = "a JSON body is required") @Valid ApiTokenExchange request) {
        return tokens(signIn.withApiToken(request.apiToken()));
    }

    /**
     * Ends the session of the refresh token given, or else of the access token used. Access tokens
     * already handed out stay valid until they expire (at most {@code plinth.identity.access-token-ttl}).
     */
    @POST
    @Path("/logout")
    @PublicEndpoint
    public Response logout(@Valid LogoutRequest request) {
        if (request != null && request.refreshToken() != null) {
            sessions.endByToken(request.refreshToken());
        } else {
            Callers.current().map(caller -> SignIn.sessionOf(caller.sessionId())).ifPresent(sessions::end);
        }
        return Response.noContent().build();
    }

    private static Response tokens(JsonObject body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
