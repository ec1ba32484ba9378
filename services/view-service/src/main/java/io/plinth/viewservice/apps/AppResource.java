package io.plinth.viewservice.apps;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.JsonBodies;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.rest.QueryParams;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.RequiresPermission;
import io.plinth.viewservice.apps.model.ModelDocuments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code /api/apps}: the apps of this installation, their drafts, publishing, rollback, export and
 * import. Versions and publications have resources of their own.
 */
@Path("/apps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    @Inject
    Apps apps;

    @Inject
    Publisher publisher;

    @Inject
    AppTransfer transfer;

    /** Creates an app from a model document; {@code {key, name}} is a whole model. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(AppPermissions.WRITE)
    public Response create(InputStream body, @Context UriInfo uri) {
        App app = apps.create(JsonBodies.read(body, ModelDocuments.MAX_MODEL_BYTES));
        return Response.created(uri.getAbsolutePathBuilder().path(app.key()).build())
                .entity(AppView.of(app))
                .build();
    }

    @GET
    @RequiresPermission(AppPermissions.READ)
    public Page<AppView> list(@QueryParam("q") String search, @QueryParam("offset") Integer offset,
                              @QueryParam("limit") Integer limit) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        return apps.list(search, PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{app}")
    @RequiresPermission(AppPermissions.READ)
    public AppView get(@PathParam("app") String key) {
        return AppView.of(apps.get(key));
    }

    /** Deletes an app that was never published. */
    @DELETE
    @Path("/{app}")
    @RequiresPermission(AppPermissions.WRITE)
    public Response delete(@PathParam("app") String key) {
        apps.delete(key);
        return Response.noContent().build();
    }

    /** The draft model, with its revision as the ETag. */
    @GET
    @Path("/{app}/draft")
    @RequiresPermission(AppPermissions.READ)
    public Response draft(@PathParam("app") String key) {
        App app = apps.get(key);
        return Response.ok(app.draft()).tag(Requests.etag(app.draftRevision())).build();
    }

    /**
     * Replaces the draft with a valid model. {@code If-Match: "<revision>"} (412 when stale) or
     * {@code ?revision=} (409 when stale) make the change only if nobody saved meanwhile.
     */
    @PUT
    @Path("/{app}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(AppPermissions.WRITE)
    public Response saveDraft(@PathParam("app") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @QueryParam("revision") String revision, InputStream body) {
        Long expected = Requests.ifMatch(ifMatch);
        boolean fromIfMatch = expected != null;
        if (expected == null) {
            expected = Requests.revision(revision);
        }
        JsonObject model = JsonBodies.read(body, ModelDocuments.MAX_MODEL_BYTES);
        App app = apps.saveDraft(key, model, expected, fromIfMatch);
        return Response.ok(AppView.of(app)).tag(Requests.etag(app.draftRevision())).build();
    }

    /**
     * Publishes the draft: 202 with the publication, which runs on. {@code ?dryRun=true} answers
     * the validation and the plan instead, and publishes nothing. {@code ?confirmDataLoss=true}
     * lets catalogs drop stored data the new version no longer has room for. The caller's token goes
     * to catalogs, which checks the caller's own permissions.
     */
    @POST
    @Path("/{app}/publish")
    @RequiresPermission(AppPermissions.PUBLISH)
    public Response publish(@PathParam("app") String key, @QueryParam("dryRun") String dryRun,
                            @QueryParam("confirmDataLoss") String confirmDataLoss,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        boolean confirmed = QueryParams.flag("confirmDataLoss", confirmDataLoss, false);
        if (QueryParams.flag("dryRun", dryRun, false)) {
            return Response.ok(publisher.dryRun(key, credentials(authorization))).build();
        }
        return accepted(publisher.start(new PublicationRequest(key, Publication.PUBLISH, null,
                Requests.ifMatch(ifMatch), confirmed, Apps.caller(), credentials(authorization),
                RequestContext.requestId())), key, uri);
    }

    /** Publishes an earlier version's content again, as a new version ({@code ?confirmDataLoss=true} as for publish). */
    @POST
    @Path("/{app}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(AppPermissions.PUBLISH)
    public Response rollback(@PathParam("app") String key, @QueryParam("confirmDataLoss") String confirmDataLoss,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @NotNull(message = "a JSON body is required") @Valid RollbackRequest request,
                             @Context UriInfo uri) {
        return accepted(publisher.start(new PublicationRequest(key, Publication.ROLLBACK, request.version(), null,
                QueryParams.flag("confirmDataLoss", confirmDataLoss, false), Apps.caller(), credentials(authorization),
                RequestContext.requestId())), key, uri);
    }

    private static Credentials credentials(String authorization) {
        return Credentials.of(authorization, Callers.required());
    }

    /** The app is imported whatever happens here: a publication that cannot start is reported, not thrown. */
    private void activate(JsonObjectBuilder result, String appKey, int version, String authorization) {
        try {
            Publication publication = publisher.start(new PublicationRequest(appKey, Publication.IMPORT, version, null,
                    false, Apps.caller(), credentials(authorization), RequestContext.requestId()));
            result.add("publication", PublicationView.of(publication, appKey));
        } catch (ProblemException e) {
            result.add("publication", JsonValue.NULL)
                    .add("activation", "not started: " + e.problem().detail() + "; publish the app to activate it");
        }
    }

    private static Response accepted(Publication publication, String key, UriInfo uri) {
        return Response.accepted(PublicationView.of(publication, key))
                .location(uri.getBaseUriBuilder().path("apps").path(key).path("publications")
                        .path(publication.id().toString()).build())
                .build();
    }

    /** One file with the app and all its versions, or ({@code ?active=true}) its active version only. */
    @GET
    @Path("/{app}/export")
    @RequiresPermission(AppPermissions.READ)
    public Response export(@PathParam("app") String key, @QueryParam("active") String active) {
        JsonObject file = transfer.export(key, QueryParams.flag("active", active, false), Apps.caller());
        return Response.ok(file)
                .header("Content-Disposition", "attachment; filename=\"" + key + "-app.json\"")
                .build();
    }

    /**
     * Imports an export file: a new app (201; its exported active version is activated by a
     * publication when the caller may publish), or a new draft of the existing app (200).
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(AppPermissions.WRITE)
    public Response importApp(@QueryParam("key") String key, @QueryParam("overwriteDraft") String overwriteDraft,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
                              @Context UriInfo uri) {
        JsonObject file = JsonBodies.read(body, AppTransfer.MAX_IMPORT_BYTES);
        AppTransfer.Imported imported = transfer.importApp(file, key, QueryParams.flag("overwriteDraft", overwriteDraft, false));
        String appKey = imported.app().key();
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("app", Json.createObjectBuilder().add("key", appKey).add("id", imported.app().id().toString())
                        .add("draftRevision", imported.app().draftRevision()))
                .add("created", imported.created())
                .add("ignoredVersions", Json.createArrayBuilder(imported.ignoredVersions()));
        if (imported.changes() != null) {
            result.add("changes", imported.changes());
        }
        if (imported.activeVersion() != null) {
            if (Callers.required().may(AppPermissions.PUBLISH)) {
                activate(result, appKey, imported.activeVersion(), authorization);
            } else {
                result.add("publication", JsonValue.NULL)
                        .add("activation", "not started: activating version " + imported.activeVersion()
                                + " needs the permission " + AppPermissions.PUBLISH);
            }
        }
        Response.ResponseBuilder response = imported.created()
                ? Response.created(uri.getBaseUriBuilder().path("apps").path(appKey).build())
                : Response.ok();
        return response.entity(result.build()).build();
    }
}
