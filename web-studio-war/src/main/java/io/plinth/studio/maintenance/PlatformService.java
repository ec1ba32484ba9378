package io.plinth.studio.maintenance;

import java.io.Serializable;
import java.net.URI;

/** One of the platform's services as web-studio sees it: its name and the root it answers at. */
public record PlatformService(String name, URI baseUrl) implements Serializable {

    /**
     * The service's {@code /hc}, relative to its root. Appended rather than resolved, so a root
     * with a path (the all-in-one server's {@code http://host:8080/catalogs}) keeps it.
     */
    public URI healthUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/hc");
    }
}
