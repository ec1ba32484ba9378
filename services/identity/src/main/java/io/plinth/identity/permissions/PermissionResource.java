package io.plinth.identity.permissions;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/permissions}: the registry of permission names the services check. */
@Path("/permissions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {

    @Inject
    PermissionRegistry registry;

    /** Registers the permission or changes its description or service: 201 when new, 200 otherwise. */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("identity:permissions:write")
    public Response register(@PathParam("name") String name,
                             @NotNull(message = "a JSON body is required") PermissionRegistration request) {
        List<FieldError> errors = new ArrayList<>();
        PermissionDefinition definition = PermissionDefinition.checked("", name, request.description(),
                request.service(), errors);
        if (definition == null) {
            throw ProblemException.invalid(errors);
        }
        PermissionRegistry.Outcome outcome = registry.register(definition);
        PermissionView view = PermissionView.of(registry.get(definition.name()));
        return Response.status(outcome == PermissionRegistry.Outcome.CREATED ? 201 : 200).entity(view).build();
    }

    @GET
    @RequiresPermission("identity:permissions:read")
    public Page<PermissionView> list(@QueryParam("q") String search, @QueryParam("service") String service,
                                     @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        if (service != null && service.length() > 40) {
            throw ProblemException.invalid("service", "must be at most 40 characters");
        }
        return registry.list(search, service == null || service.isBlank() ? null : service.strip(),
                PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{name}")
    @RequiresPermission("identity:permissions:read")
    public PermissionView get(@PathParam("name") String name) {
        return PermissionView.of(registry.get(name));
    }

    @DELETE
    @Path("/{name}")
    @RequiresPermission("identity:permissions:write")
    public Response delete(@PathParam("name") String name) {
        registry.delete(name);
        return Response.noContent().build();
    }
}
