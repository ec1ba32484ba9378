package io.plinth.identity.auth;

import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.Users;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code /api/me}: the signed-in user, what their token grants, and changing their own password. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    public record PasswordChange(
            @NotNull(message = "is required") @Size(max = PasswordPolicy.MAX_LENGTH, message = "is too long") String currentPassword,
            @NotNull(message = "is required") String newPassword) {
    }

    @GET
    public JsonObject me() {
        Caller caller = Callers.required();
        PlatformUser user = users.get(caller.login());
        var json = Json.createObjectBuilder()
                .add("id", user.id().toString())
                .add("login", user.login())
                .add("displayName", user.displayName())
                .add("email", user.email())
                .add("locale", user.locale())
                .add("timeZone", user.timeZone())
                .add("status", user.status().code())
                .add("groups", Json.createArrayBuilder(caller.groups().stream().sorted().toList()))
                .add("roles", Json.createArrayBuilder(caller.roles().stream().sorted().toList()))
                .add("permissions", Json.createArrayBuilder(caller.permissions().stream().sorted().toList()))
                .add("tokenExpiresAt", caller.expiresAt().toString());
        if (caller.sessionId() != null) {
            json.add("session", caller.sessionId());
        }
        return json.build();
    }

    /** Needs the current password, so a token left on an unlocked screen cannot take the account over. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChange change) {
        Caller caller = Callers.required();
        throttle.checkNotLocked(caller.login());
        PlatformUser user = users.get(caller.login());
        if (!passwords.matches(Optional.of(user), change.currentPassword())) {
            throttle.failed(caller.login());
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        passwords.set(user, change.newPassword());
        return Response.noContent().build();
    }
}
