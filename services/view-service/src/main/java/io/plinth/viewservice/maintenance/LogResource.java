package io.plinth.viewservice.maintenance;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/logs}: the log records every service shipped, newest first. */
@Path("/logs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LogResource {

    @Inject
    LogSearch search;

    @GET
    @RequiresPermission("view-service:logs:read")
    public Page<LogRecordView> list(@QueryParam("service") String service, @QueryParam("level") String level,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("text") String text, @QueryParam("traceId") String traceId,
                                    @QueryParam("logger") String logger, @QueryParam("user") String user,
                                    @QueryParam("requestId") String requestId,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        LogFilter filter = LogFilter.of(service, level, from, to, text, traceId, logger, user, requestId);
        return search.find(filter, PageRequest.of(offset, limit));
    }
}
