package io.plinth.catalogs.storage;

import io.plinth.kernel.rest.QueryParams;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/schema/{app}}: the tables of an app's data types. view-service's publish asks for
 * the plan (its dry run), then applies it; both take the app model's JSON. {@code DELETE} removes
 * the app's storage ({@code ?version=N} only if N is applied; {@code ?confirmDataLoss=true} when
 * its tables hold records) and answers the plan it ran.
 */
@Path("/schema")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Inject
    AppSchemas schemas;

    @POST
    @Path("/{app}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:schema:read")
    public JsonObject plan(@PathParam("app") String app, JsonObject body) {
        return schemas.plan(SchemaRequest.of(app, body, false));
    }

    @POST
    @Path("/{app}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:schema:apply")
    public JsonObject apply(@PathParam("app") String app, JsonObject body) {
        return schemas.apply(SchemaRequest.of(app, body, true), Callers.required().userId()).toJson();
    }

    @GET
    @Path("/{app}")
    @RequiresPermission("catalogs:schema:read")
    public JsonObject get(@PathParam("app") String app) {
        SchemaRequest.checkApp(app);
        return schemas.get(app).toJson();
    }

    @DELETE
    @Path("/{app}")
    @RequiresPermission("catalogs:schema:apply")
    public JsonObject remove(@PathParam("app") String app, @QueryParam("version") String version,
                             @QueryParam("confirmDataLoss") String confirmDataLoss) {
        SchemaRequest.checkApp(app);
        return schemas.remove(app, QueryParams.wholeNumber("version", version, 1, Long.MAX_VALUE),
                QueryParams.flag("confirmDataLoss", confirmDataLoss, false), Callers.required().userId()).toJson();
    }
}
