package io.plinth.identity.groups;

import io.plinth.identity.users.UserView;
import io.plinth.identity.users.Users;
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

/** {@code /api/groups}: nested groups of users and their direct members. */
@Path("/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    @Inject
    Groups groups;

    @Inject
    Users users;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:groups:write")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewGroup request,
                           @Context UriInfo uri) {
        UserGroup group = groups.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(group.key()).build())
                .entity(groups.view(group))
                .build();
    }

    /** Groups whose key or name contains {@code q}; with {@code parent}, only that group's direct sub-groups. */
    @GET
    @RequiresPermission("identity:groups:read")
    public Page<GroupView> list(@QueryParam("q") String search, @QueryParam("parent") String parent,
                                @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        if (parent != null && parent.length() > 63) {
            throw ProblemException.invalid("parent", "must be at most 63 characters");
        }
        return groups.list(search, parent == null || parent.isBlank() ? null : parent.strip(),
                PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{key}")
    @RequiresPermission("identity:groups:read")
    public GroupView get(@PathParam("key") String key) {
        return groups.view(groups.get(key));
    }

    /** Replaces name, description and parent (absent parent: top level). */
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:groups:write")
    public GroupView update(@PathParam("key") String key,
                            @NotNull(message = "a JSON body is required") @Valid GroupChanges request) {
        return groups.view(groups.update(key, request));
    }

    @DELETE
    @Path("/{key}")
    @RequiresPermission("identity:groups:write")
    public Response delete(@PathParam("key") String key) {
        groups.delete(key);
        return Response.noContent().build();
    }

    /** The group's direct members, filtered like {@code GET /api/users}. */
    @GET
    @Path("/{key}/members")
    @RequiresPermission("identity:groups:read")
    public Page<UserView> members(@PathParam("key") String key, @QueryParam("q") String search,
                                  @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        UserGroup group = groups.get(key);
        return users.list(search, null, group.key(), PageRequest.of(offset, limit));
    }

    @PUT
    @Path("/{key}/members/{login}")
    @RequiresPermission("identity:groups:write")
    public Response addMember(@PathParam("key") String key, @PathParam("login") String login) {
        groups.addMember(key, login);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{key}/members/{login}")
    @RequiresPermission("identity:groups:write")
    public Response removeMember(@PathParam("key") String key, @PathParam("login") String login) {
        groups.removeMember(key, login);
        return Response.noContent().build();
    }
}
