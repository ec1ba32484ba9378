package io.plinth.identity.keys;

import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code /api/keys}: the token signing keys (public parts only) and their rotation. */
@Path("/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    SigningKeyStore store;

    @Inject
    SigningKeys keys;

    /** A signing key as the API shows it: never its key material. */
    public record KeyView(String kid, OffsetDateTime createdAt, OffsetDateTime retiredAt, boolean active) {
    }

    @GET
    @RequiresPermission("identity:keys:read")
    public List<KeyView> list() {
        return store.all().stream()
                .map(key -> new KeyView(key.kid(), key.createdAt(), key.retiredAt(), key.retiredAt() == null))
                .toList();
    }

    /** New tokens are signed with a new key at once; tokens signed with the previous one stay valid until they expire. */
    @POST
    @Path("/rotate")
    @RequiresPermission("identity:keys:rotate")
    public JsonObject rotate() {
        String kid = store.rotateNow();
        keys.reload();
        return Json.createObjectBuilder().add("kid", kid).build();
    }
}
