package io.plinth.catalogs.records;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.JsonBodies;
import io.plinth.kernel.rest.QueryParams;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/data/{app}/{type}}: the records of a published app's type. The permissions
 * {@code catalogs:data:read} and {@code catalogs:data:write} open the API; what each caller may
 * do with each type, row and field is the app's access rules' (docs/catalogs-records.md).
 * Single records carry their version as {@code ETag}; {@code If-Match} makes a change conditional.
 */
@Path("/data/{app}/{type}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    private static final Pattern ETAG = Pattern.compile("\"([0-9]{1,18})\"");

    @Inject
    Records records;

    @GET
    @RequiresPermission("catalogs:data:read")
    public JsonObject query(@PathParam("app") String app, @PathParam("type") String type, @Context UriInfo uri) {
        return records.query(app, type, uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:data:write")
    public Response create(@PathParam("app") String app, @PathParam("type") String type, InputStream body,
                           @Context UriInfo uri) {
        JsonObject record = records.create(app, type, JsonBodies.read(body, RecordSession.MAX_RECORD_BYTES));
        return Response.created(uri.getAbsolutePathBuilder().path(record.getString("id")).build())
                .tag(etag(record)).entity(record).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:data:write")
    public JsonObject bulk(@PathParam("app") String app, @PathParam("type") String type, InputStream body) {
        return records.bulk(app, type, JsonBodies.read(body, RecordSession.MAX_BULK_BYTES));
    }

    @GET
    @Path("/{id}")
    @RequiresPermission("catalogs:data:read")
    public Response get(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id,
                        @QueryParam("fields") String fields) {
        JsonObject record = records.get(app, type, id, fields);
        return Response.ok(record).tag(etag(record)).build();
    }

    @GET
    @Path("/{id}/history")
    @RequiresPermission("catalogs:data:read")
    public JsonObject history(@PathParam("app") String app, @PathParam("type") String type,
                              @PathParam("id") String id) {
        return records.history(app, type, id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:data:write")
    public Response replace(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id,
                            @HeaderParam("If-Match") String ifMatch, InputStream body) {
        JsonObject record = records.update(app, type, id, JsonBodies.read(body, RecordSession.MAX_RECORD_BYTES),
                true, ifMatch(ifMatch));
        return Response.ok(record).tag(etag(record)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("catalogs:data:write")
    public Response patch(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, InputStream body) {
        JsonObject record = records.update(app, type, id, JsonBodies.read(body, RecordSession.MAX_RECORD_BYTES),
                false, ifMatch(ifMatch));
        return Response.ok(record).tag(etag(record)).build();
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission("catalogs:data:write")
    public Response delete(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch, @QueryParam("version") String version) {
        records.delete(app, type, id, QueryParams.wholeNumber("version", version, 1, Long.MAX_VALUE), ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private static EntityTag etag(JsonObject record) {
        return new EntityTag(Long.toString(record.getJsonNumber("version").longValue()));
    }

    /** The version an {@code If-Match} header names; null without one or for {@code *}. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw ProblemException.invalid("If-Match", "must be the record's ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
