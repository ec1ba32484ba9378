package io.plinth.filestorage.files;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code /api/files}: binary files. An upload is the raw request body, whatever its type; the
 * name travels in the {@code name} query parameter and the type in {@code Content-Type}.
 */
@Path("/files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    private static final int MAX_CONTENT_TYPE_CHARS = 255;

    @Inject
    StoredFiles files;

    @Inject
    UploadLimit limit;

    @RequiresPermission("file-storage:files:write")
    @POST
    public Response upload(@QueryParam("name") String name, @Context HttpHeaders headers, InputStream body,
                           @Context UriInfo uri) {
        String fileName = FileNames.checked(name);
        String contentType = contentType(headers);
        int maxBytes = limit.maxBytes();
        if (headers.getLength() > maxBytes) {
            throw Upload.tooLarge(maxBytes);
        }
        FileInfo info = files.store(fileName, contentType, Upload.read(body, maxBytes));
        return Response.created(uri.getAbsolutePathBuilder().path(info.id().toString()).build())
                .entity(info)
                .build();
    }

    @RequiresPermission("file-storage:files:read")
    @GET
    public Page<FileInfo> list(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return files.list(PageRequest.of(offset, limit));
    }

    /**
     * The bytes, always as an attachment and with {@code nosniff}: the type is the uploader's
     * claim, so a browser must not render the file as a page of this origin.
     */
    @RequiresPermission("file-storage:files:read")
    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id) {
        FileContent file = files.content(id);
        return Response.ok(file.bytes())
                .header(HttpHeaders.CONTENT_TYPE, file.info().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, file.info().size())
                .header("Content-Disposition", FileNames.attachment(file.info().name()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @RequiresPermission("file-storage:files:read")
    @GET
    @Path("/{id}/info")
    public FileInfo info(@PathParam("id") String id) {
        return files.info(id);
    }

    /** The client's Content-Type, kept as sent (no detection library is on the classpath). */
    private static String contentType(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String value = type == null ? MediaType.APPLICATION_OCTET_STREAM : type.toString();
        if (value.length() > MAX_CONTENT_TYPE_CHARS) {
            throw ProblemException.invalid("Content-Type", "must be at most " + MAX_CONTENT_TYPE_CHARS + " characters");
        }
        return value;
    }
}
