package io.plinth.dataflow.scripts;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/scripts}: the stored data scripts. */
@Path("/scripts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScriptResource {

    @Inject
    Scripts scripts;

    @RequiresPermission("data-flow:scripts:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewScript request,
                           @Context UriInfo uri) {
        Script script = scripts.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(script.key()).build())
                .entity(ScriptView.of(script))
                .build();
    }

    @RequiresPermission("data-flow:scripts:read")
    @GET
    public Page<ScriptSummary> list(@QueryParam("q") String search, @QueryParam("offset") Integer offset,
                                    @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        return scripts.list(search, PageRequest.of(offset, limit));
    }

    @RequiresPermission("data-flow:scripts:read")
    @GET
    @Path("/{key}")
    public ScriptView get(@PathParam("key") String key) {
        return ScriptView.of(scripts.get(key));
    }
}
