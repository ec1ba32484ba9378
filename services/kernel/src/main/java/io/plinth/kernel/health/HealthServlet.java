package io.plinth.kernel.health;

import io.plinth.kernel.config.ServiceIdentity;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The platform's two health paths, relative to each service's root and never authenticated.
 * {@code /hc} runs every MicroProfile health check (dependencies included) and answers 200 only
 * when all are UP; {@code /liveness} runs only liveness checks, which never call dependencies.
 */
@WebServlet(urlPatterns = {"/hc", "/liveness"}, loadOnStartup = 1)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Any
    transient Instance<HealthCheck> checks;

    @Inject
    transient ServiceIdentity identity;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean detailed = request.getServletPath().equals("/hc");
        Instance<HealthCheck> selected = detailed ? checks : checks.select(Liveness.Literal.INSTANCE);
        List<HealthCheckResponse> results = new ArrayList<>();
        for (HealthCheck check : selected) {
            results.add(run(check));
        }
        results.sort(Comparator.comparing(HealthCheckResponse::getName));
        boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);

        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("service", identity.name());
        if (detailed) {
            body.add("instance", identity.instance());
            JsonArrayBuilder entries = Json.createArrayBuilder();
            results.forEach(r -> entries.add(HealthJson.of(r)));
            body.add("checks", entries);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.build().toString());
    }

    private static HealthCheckResponse run(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName())
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
