package io.plinth.viewservice.apps;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/apps/{app}/versions}: the published versions of an app, newest first, and their differences. */
@Path("/apps/{app}/versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(AppPermissions.READ)
public class AppVersionResource {

    @Inject
    AppVersions versions;

    @GET
    public Page<JsonObject> list(@PathParam("app") String app, @QueryParam("offset") Integer offset,
                                 @QueryParam("limit") Integer limit) {
        return versions.list(app, PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{version: [0-9]{1,9}}")
    public JsonObject get(@PathParam("app") String app, @PathParam("version") int version) {
        return versions.get(app, version);
    }

    /** What changed from version {@code a} to {@code b}; either may be {@code draft}. */
    @GET
    @Path("/{a: [0-9]{1,9}|draft}/diff/{b: [0-9]{1,9}|draft}")
    public JsonObject diff(@PathParam("app") String app, @PathParam("a") String a, @PathParam("b") String b) {
        return versions.diff(app, a, b);
    }
}
