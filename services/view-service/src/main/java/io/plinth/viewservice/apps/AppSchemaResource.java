package io.plinth.viewservice.apps;

import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /api/schema/app}: the JSON Schema (draft 2020-12) of the app model, written by hand beside the validator. */
@Path("/schema")
@RequestScoped
public class AppSchemaResource {

    public static final String RESOURCE = "schema/app-model-v1.schema.json";
    static final String MEDIA_TYPE = "application/schema+json";

    @GET
    @Path("/app")
    @Produces({MEDIA_TYPE, "application/json"})
    @RequiresPermission(AppPermissions.READ)
    public Response appModel() {
        try (InputStream schema = AppSchemaResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return Response.ok(schema.readAllBytes(), MEDIA_TYPE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
