package io.plinth.kernel.bus;

import io.plinth.kernel.security.Caller;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * An event as a consumer receives it.
 *
 * @param id the event id (AMQP message id), unique per event
 * @param type the routing key, {@code <service>.<entity>.<verb>}
 * @param source the service that published it
 * @param time when it was published (ISO-8601)
 * @param data the payload
 * @param attempt 1 for the first delivery to this consumer, then 2, 3...
 * @param actor the user the event was published for (also {@code Callers.current()} while the handler runs), or null
 */
public record IncomingEvent(String id, String type, String source, String time, JsonObject data, int attempt,
                            Caller actor) {

    public Optional<Caller> actedBy() {
        return Optional.ofNullable(actor);
    }
}
