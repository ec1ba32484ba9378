package io.plinth.catalogs.access;

import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/schema/{app}/access}: the access rules in force for an app's records. A schema apply
 * with an {@code access} array sets them too; this changes them without a new schema version.
 */
@Path("/schema/{app}/access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    AppAccess access;

    @GET
    @RequiresPermission("catalogs:schema:read")
    public JsonObject get(@PathParam("app") String app) {
        return Json.createObjectBuilder().add("app", app).add("access", access.get(app)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:schema:apply")
    public JsonObject apply(@PathParam("app") String app, JsonObject body) {
        return Json.createObjectBuilder().add("app", app)
                .add("access", access.apply(app, body, Callers.required().userId())).build();
    }
}
