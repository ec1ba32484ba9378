package io.plinth.identity.auth;

import io.plinth.identity.users.Users;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code PUT /api/users/{login}/password}: an administrator sets a user's password (and ends their sessions). */
@Path("/users/{login}/password")
@RequestScoped
public class PasswordResource {

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    public record NewPassword(@NotNull(message = "is required") String password) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:users:write")
    public Response set(@PathParam("login") String login,
                        @NotNull(message = "a JSON body is required") @Valid NewPassword request) {
        passwords.set(users.get(login), request.password());
        return Response.noContent().build();
    }
}
