package io.plinth.identity.users;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/users}: the platform's users. Logins are case-insensitive. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    Users users;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewUser request,
                           @Context UriInfo uri) {
        PlatformUser user = users.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(user.login()).build())
                .entity(UserView.of(user))
                .build();
    }

    @GET
    public Page<UserView> list(@QueryParam("q") String search, @QueryParam("offset") Integer offset,
                               @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        return users.list(search, PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{login}")
    public UserView get(@PathParam("login") String login) {
        return UserView.of(users.get(login));
    }
}
