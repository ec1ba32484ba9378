package io.plinth.identity.tokens;

import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.Users;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code /api/tokens}: personal API tokens. Anyone signed in manages their own; listing or revoking
 * another user's needs {@code identity:tokens:admin}. An integration trades its token for an access
 * token at {@code POST /api/auth/token}.
 */
@Path("/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    static final String ADMIN = "identity:tokens:admin";

    @Inject
    ApiTokens tokens;

    @Inject
    Users users;

    public record NewApiToken(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @Min(value = 1, message = "must be at least 1") @Max(value = 3650, message = "must be at most 3650")
            Integer expiresInDays) {
    }

    public record ApiTokenView(UUID id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                               OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String token) {
        static ApiTokenView of(ApiToken t, String secret) {
            return new ApiTokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                    t.revokedAt(), secret);
        }
    }

    /** Answers the secret once; only its hash is kept. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewApiToken request) {
        Caller caller = Callers.required();
        ApiTokens.Created created = tokens.create(UUID.fromString(caller.userId()), caller.login(), request.name(),
                request.expiresInDays() == null ? 90 : request.expiresInDays());
        return Response.status(Response.Status.CREATED).entity(ApiTokenView.of(created.token(), created.secret())).build();
    }

    @GET
    public Page<ApiTokenView> list(@QueryParam("user") String login, @QueryParam("offset") Integer offset,
                                   @QueryParam("limit") Integer limit) {
        Caller caller = Callers.required();
        UUID owner = UUID.fromString(caller.userId());
        if (login != null) {
            caller.require(ADMIN);
            PlatformUser user = users.get(login);
            owner = user.id();
        }
        Page<ApiToken> page = tokens.list(owner, PageRequest.of(offset, limit));
        return new Page<>(page.items().stream().map(t -> ApiTokenView.of(t, null)).toList(),
                page.offset(), page.limit(), page.total());
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        Caller caller = Callers.required();
        UUID tokenId = uuid(id);
        ApiToken token = tokens.get(tokenId);
        if (!token.userId().toString().equals(caller.userId()) && !caller.may(ADMIN)) {
            throw ProblemException.notFound("API token", id);
        }
        tokens.revoke(tokenId);
        return Response.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("API token", id);
        }
    }
}
