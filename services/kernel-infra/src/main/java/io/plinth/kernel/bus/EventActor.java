package io.plinth.kernel.bus;

import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user an event was published for, carried in the envelope's {@code actor} so that a consumer
 * acting on the user's behalf checks the same permissions the user had when the change was made.
 * Only services can publish to the platform exchange, so the envelope is trusted like a token.
 */
final class EventActor {

    private EventActor() {
    }

    static JsonObject toJson(Caller caller) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", caller.userId())
                .add("login", caller.login())
                .add("roles", Json.createArrayBuilder(caller.roles()))
                .add("groups", Json.createArrayBuilder(caller.groups()))
                .add("perms", Json.createArrayBuilder(caller.permissions()));
        if (caller.tenant() != null) {
            json.add("tid", caller.tenant());
        }
        return json.build();
    }

    /** The actor of an envelope, or null for events no user caused (system work). */
    static Caller fromJson(JsonObject envelope) {
        JsonObject actor = envelope.getJsonObject("actor");
        if (actor == null) {
            return null;
        }
        return new Caller(actor.getString("id"), actor.getString("login"), strings(actor.getJsonArray("roles")),
                strings(actor.getJsonArray("groups")), strings(actor.getJsonArray("perms")),
                actor.getString("tid", null), null, null, Instant.MAX);
    }

    private static Set<String> strings(JsonArray array) {
        return array == null ? Set.of() : array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }
}
