package io.plinth.workplace.preferences;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code /api/preferences}: the signed-in user's own workplace preferences. The user always comes
 * from the access token, so nobody can read or change another user's preferences.
 */
@Path("/preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    @Inject
    Preferences preferences;

    @GET
    public Page<PreferenceView> list(@QueryParam("offset") Integer offset,
                                     @QueryParam("limit") Integer limit) {
        return preferences.list(user(), PageRequest.of(offset, limit));
    }

    /** The body is any JSON value; it is read as bytes so its size is checked before it is parsed. */
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferenceView put(@PathParam("key") String key, InputStream body) {
        return PreferenceView.of(preferences.save(user(), key, PreferenceValue.read(body)));
    }

    @GET
    @Path("/{key}")
    public PreferenceView get(@PathParam("key") String key) {
        return PreferenceView.of(preferences.get(user(), key));
    }

    @DELETE
    @Path("/{key}")
    public void delete(@PathParam("key") String key) {
        preferences.delete(user(), key);
    }

    private static String user() {
        return Callers.required().login();
    }
}
