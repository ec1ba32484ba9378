package io.plinth.identity.users;

import io.plinth.identity.access.Access;
import io.plinth.identity.access.AccessView;
import io.plinth.identity.access.EffectiveAccess;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;

/** {@code /api/users}: the platform's users. Logins are case-insensitive. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    Users users;

    @Inject
    EffectiveAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:users:write")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewUser request,
                           @Context UriInfo uri) {
        PlatformUser user = users.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(user.login()).build())
                .tag(VersionTag.of(user.version()))
                .entity(UserView.of(user))
                .build();
    }

    @GET
    @RequiresPermission("identity:users:read")
    public Page<UserView> list(@QueryParam("q") String search, @QueryParam("status") String status,
                               @QueryParam("group") String group, @QueryParam("offset") Integer offset,
                               @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        if (group != null && group.length() > 63) {
            throw ProblemException.invalid("group", "must be at most 63 characters");
        }
        return users.list(search, status(status), group == null || group.isBlank() ? null : group.strip(),
                PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{login}")
    @RequiresPermission("identity:users:read")
    public Response get(@PathParam("login") String login) {
        return answer(users.get(login));
    }

    /** Changes the fields the body holds; {@code If-Match} or the body's {@code version} guard against lost updates. */
    @PATCH
    @Path("/{login}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RequiresPermission("identity:users:write")
    public Response update(@PathParam("login") String login,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid UserChanges request) {
        return answer(users.update(login, request, VersionTag.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{login}/disable")
    @RequiresPermission("identity:users:write")
    public Response disable(@PathParam("login") String login) {
        return answer(users.changeStatus(login, UserStatusChange.DISABLE));
    }

    @POST
    @Path("/{login}/enable")
    @RequiresPermission("identity:users:write")
    public Response enable(@PathParam("login") String login) {
        return answer(users.changeStatus(login, UserStatusChange.ENABLE));
    }

    @POST
    @Path("/{login}/lock")
    @RequiresPermission("identity:users:write")
    public Response lock(@PathParam("login") String login) {
        return answer(users.changeStatus(login, UserStatusChange.LOCK));
    }

    @POST
    @Path("/{login}/unlock")
    @RequiresPermission("identity:users:write")
    public Response unlock(@PathParam("login") String login) {
        return answer(users.changeStatus(login, UserStatusChange.UNLOCK));
    }

    /** The user's groups (with their ancestors), roles (direct and through groups) and the permissions they grant. */
    @GET
    @Path("/{login}/access")
    @RequiresPermission("identity:users:read")
    public AccessView access(@PathParam("login") String login) {
        PlatformUser user = users.get(login);
        Access resolved = access.of(user.id());
        return AccessView.of(user.id(), user.login(), resolved);
    }

    private static Response answer(PlatformUser user) {
        return Response.ok(UserView.of(user)).tag(VersionTag.of(user.version())).build();
    }

    private static UserStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return UserStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.stream(UserStatus.values())
                    .map(UserStatus::code).toList());
        }
    }
}
