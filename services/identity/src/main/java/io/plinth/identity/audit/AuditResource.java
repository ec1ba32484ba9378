package io.plinth.identity.audit;

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

/** {@code /api/audit}: the log of administrative changes, newest first. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @RequiresPermission("identity:audit:read")
    public Page<AuditEntryView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                     @QueryParam("targetType") String targetType,
                                     @QueryParam("targetId") String targetId, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("offset") Integer offset,
                                     @QueryParam("limit") Integer limit) {
        AuditFilter filter = AuditFilter.of(actor, action, targetType, targetId, from, to);
        return log.find(filter, PageRequest.of(offset, limit));
    }
}
