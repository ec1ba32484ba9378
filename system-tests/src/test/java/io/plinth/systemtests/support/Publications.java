package io.plinth.systemtests.support;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;

/** view-service's publications as the tests start and follow them ({@code appUrl}: {@code .../api/apps/<key>}). */
public final class Publications {

    private Publications() {
    }

    /** Publishes the app's draft as {@code caller} and answers the publication once it has ended. */
    public static JsonObject publish(Http caller, String appUrl, Duration atMost) {
        HttpResponse<String> accepted = caller.post(appUrl + "/publish", "");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST " + appUrl + "/publish answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        return awaitEnd(caller, appUrl, Http.json(accepted).getString("id"), atMost);
    }

    /** The publication {@code id}, read as {@code caller}, once it is no longer validating or applying. */
    public static JsonObject awaitEnd(Http caller, String appUrl, String id, Duration atMost) {
        String url = appUrl + "/publications/" + id;
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.json(caller.get(url)), p -> !p.getString("status").equals("validating")
                        && !p.getString("status").equals("applying"));
    }
}
