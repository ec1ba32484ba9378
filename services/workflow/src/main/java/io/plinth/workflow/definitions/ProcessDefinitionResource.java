package io.plinth.workflow.definitions;

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

/** {@code /api/process-definitions}: state-machine process definitions and their versions. */
@Path("/process-definitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProcessDefinitionResource {

    @Inject
    ProcessDefinitions definitions;

    /** Saves a new definition, or the next version of an existing key. */
    @RequiresPermission("workflow:definitions:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewProcessDefinition request,
                           @Context UriInfo uri) {
        ProcessDefinition definition = definitions.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(definition.key()).path("versions").path(Integer.toString(definition.version())).build())
                .entity(ProcessDefinitionView.of(definition))
                .build();
    }

    @RequiresPermission("workflow:definitions:read")
    @GET
    public Page<ProcessDefinitionSummary> list(@QueryParam("offset") Integer offset,
                                               @QueryParam("limit") Integer limit) {
        return definitions.list(PageRequest.of(offset, limit));
    }

    @RequiresPermission("workflow:definitions:read")
    @GET
    @Path("/{key}")
    public ProcessDefinitionView latest(@PathParam("key") String key) {
        return ProcessDefinitionView.of(definitions.latest(key));
    }

    @RequiresPermission("workflow:definitions:read")
    @GET
    @Path("/{key}/versions/{version}")
    public ProcessDefinitionView version(@PathParam("key") String key, @PathParam("version") int version) {
        return ProcessDefinitionView.of(definitions.version(key, version));
    }
}
