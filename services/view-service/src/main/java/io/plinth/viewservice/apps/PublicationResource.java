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
import java.util.UUID;

/** {@code /api/apps/{app}/publications}: the publications of an app, newest first, with their steps. */
@Path("/apps/{app}/publications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(AppPermissions.READ)
public class PublicationResource {

    @Inject
    Apps apps;

    @Inject
    Publications publications;

    @Inject
    Publisher publisher;

    @GET
    public Page<JsonObject> list(@PathParam("app") String appKey, @QueryParam("offset") Integer offset,
                                 @QueryParam("limit") Integer limit) {
        App app = apps.get(appKey);
        Page<Publication> page = publications.list(app, PageRequest.of(offset, limit));
        return new Page<>(page.items().stream().map(p -> PublicationView.of(p, appKey)).toList(), page.offset(),
                page.limit(), page.total());
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("app") String app, @PathParam("id") UUID id) {
        return PublicationView.of(publisher.find(app, id), app);
    }
}
