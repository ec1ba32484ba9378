package io.plinth.scheduler.schedules;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code /api/schedules}: the timed events of this installation. */
@Path("/schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    Schedules schedules;

    @RequiresPermission("scheduler:schedules:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewSchedule request,
                           @Context UriInfo uri) {
        Schedule schedule = schedules.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(schedule.key()).build())
                .entity(ScheduleView.of(schedule, OffsetDateTime.now(ZoneOffset.UTC)))
                .build();
    }

    @RequiresPermission("scheduler:schedules:read")
    @GET
    public Page<ScheduleView> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return schedules.list(PageRequest.of(offset, limit));
    }

    @RequiresPermission("scheduler:schedules:read")
    @GET
    @Path("/{key}")
    public ScheduleView get(@PathParam("key") String key) {
        return ScheduleView.of(schedules.get(key), OffsetDateTime.now(ZoneOffset.UTC));
    }
}
