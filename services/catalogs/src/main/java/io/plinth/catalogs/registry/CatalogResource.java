package io.plinth.catalogs.registry;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/catalogs}: the apps catalogs holds data for. */
@Path("/catalogs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    Catalogs catalogs;

    @RequiresPermission("catalogs:registry:read")
    @GET
    public Page<CatalogView> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return catalogs.list(PageRequest.of(offset, limit));
    }

    @RequiresPermission("catalogs:registry:read")
    @GET
    @Path("/{appKey}")
    public CatalogView get(@PathParam("appKey") String appKey) {
        return CatalogView.of(catalogs.get(appKey));
    }
}
