package io.plinth.notification.messages;

import io.plinth.kernel.problem.ProblemException;
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

/** {@code /api/notifications}: notifications queued for delivery. */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    Notifications notifications;

    @RequiresPermission("notification:notifications:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewNotification request,
                           @Context UriInfo uri) {
        Notification notification = notifications.queue(request);
        return Response.created(uri.getAbsolutePathBuilder().path(notification.id().toString()).build())
                .entity(NotificationView.of(notification))
                .build();
    }

    @RequiresPermission("notification:notifications:read")
    @GET
    public Page<NotificationView> list(@QueryParam("recipient") String recipient,
                                       @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        if (recipient != null && recipient.length() > 254) {
            throw ProblemException.invalid("recipient", "must be at most 254 characters");
        }
        return notifications.list(recipient, PageRequest.of(offset, limit));
    }

    @RequiresPermission("notification:notifications:read")
    @GET
    @Path("/{id}")
    public NotificationView get(@PathParam("id") String id) {
        return NotificationView.of(notifications.get(id));
    }
}
