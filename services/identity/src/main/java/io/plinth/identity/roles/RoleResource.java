package io.plinth.identity.roles;

import io.plinth.identity.groups.GroupView;
import io.plinth.identity.users.UserView;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/roles}: roles and their assignments. A role is assigned to a user with
 * {@code PUT /api/roles/{key}/users/{login}} and to a group (so to all members of it and of its
 * sub-groups) with {@code PUT /api/roles/{key}/groups/{group}}; {@code DELETE} on the same paths
 * takes it back.
 */
@Path("/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    Roles roles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:roles:write")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewRole request, @Context UriInfo uri) {
        Role role = roles.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(role.key()).build())
                .entity(RoleView.of(role))
                .build();
    }

    @GET
    @RequiresPermission("identity:roles:read")
    public Page<RoleView> list(@QueryParam("q") String search, @QueryParam("offset") Integer offset,
                               @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        return roles.list(search, PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{key}")
    @RequiresPermission("identity:roles:read")
    public RoleView get(@PathParam("key") String key) {
        return RoleView.of(roles.get(key));
    }

    /** Replaces name, description and the whole set of patterns. */
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:roles:write")
    public RoleView update(@PathParam("key") String key,
                           @NotNull(message = "a JSON body is required") @Valid RoleChanges request) {
        return RoleView.of(roles.update(key, request));
    }

    @DELETE
    @Path("/{key}")
    @RequiresPermission("identity:roles:write")
    public Response delete(@PathParam("key") String key) {
        roles.delete(key);
        return Response.noContent().build();
    }

    @GET
    @Path("/{key}/users")
    @RequiresPermission("identity:roles:read")
    public Page<UserView> users(@PathParam("key") String key, @QueryParam("offset") Integer offset,
                                @QueryParam("limit") Integer limit) {
        return roles.users(key, PageRequest.of(offset, limit));
    }

    @PUT
    @Path("/{key}/users/{login}")
    @RequiresPermission("identity:roles:write")
    public Response assignToUser(@PathParam("key") String key, @PathParam("login") String login) {
        roles.assignToUser(key, login);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{key}/users/{login}")
    @RequiresPermission("identity:roles:write")
    public Response unassignFromUser(@PathParam("key") String key, @PathParam("login") String login) {
        roles.unassignFromUser(key, login);
        return Response.noContent().build();
    }

    @GET
    @Path("/{key}/groups")
    @RequiresPermission("identity:roles:read")
    public Page<GroupView> groups(@PathParam("key") String key, @QueryParam("offset") Integer offset,
                                  @QueryParam("limit") Integer limit) {
        return roles.groups(key, PageRequest.of(offset, limit));
    }

    @PUT
    @Path("/{key}/groups/{group}")
    @RequiresPermission("identity:roles:write")
    public Response assignToGroup(@PathParam("key") String key, @PathParam("group") String group) {
        roles.assignToGroup(key, group);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{key}/groups/{group}")
    @RequiresPermission("identity:roles:write")
    public Response unassignFromGroup(@PathParam("key") String key, @PathParam("group") String group) {
        roles.unassignFromGroup(key, group);
        return Response.noContent().build();
    }
}
