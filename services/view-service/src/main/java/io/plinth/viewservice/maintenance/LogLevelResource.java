package io.plinth.viewservice.maintenance;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/log-levels}: the log levels of each service. A change takes effect in every running
 * instance of the service within moments, without a restart.
 */
@Path("/log-levels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LogLevelResource {

    @Inject
    LogLevelSettings settings;

    @GET
    @RequiresPermission("view-service:logs:admin")
    public List<LogLevelView> list() {
        return settings.list();
    }

    @GET
    @Path("/{service}")
    @RequiresPermission("view-service:logs:admin")
    public LogLevelView get(@PathParam("service") String service) {
        return settings.get(service);
    }

    /** Replaces the service's levels: {@code {"level":"debug","loggers":{"io.plinth.catalogs.registry":"trace"}}}. */
    @PUT
    @Path("/{service}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("view-service:logs:admin")
    public LogLevelView change(@PathParam("service") String service, JsonValue body) {
        LogLevelSettings.known(service);
        if (!(body instanceof JsonObject levels)) {
            throw new ProblemException(Problem.of(400, "malformed-body", "The request body could not be read",
                    "The body must be a JSON object such as {\"level\":\"debug\"}"));
        }
        return settings.change(service, LogLevelChange.of(levels), Callers.required().login());
    }
}
