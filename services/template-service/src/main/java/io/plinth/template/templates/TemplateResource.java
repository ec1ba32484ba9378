package io.plinth.template.templates;

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

/** {@code /api/templates}: document and message templates. */
@Path("/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    Templates templates;

    @RequiresPermission("template-service:templates:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewTemplate request,
                           @Context UriInfo uri) {
        Template template = templates.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(template.key()).build())
                .entity(TemplateView.of(template))
                .build();
    }

    @RequiresPermission("template-service:templates:read")
    @GET
    public Page<TemplateSummary> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return templates.list(PageRequest.of(offset, limit));
    }

    @RequiresPermission("template-service:templates:read")
    @GET
    @Path("/{key}")
    public TemplateView get(@PathParam("key") String key) {
        return TemplateView.of(templates.get(key));
    }
}
