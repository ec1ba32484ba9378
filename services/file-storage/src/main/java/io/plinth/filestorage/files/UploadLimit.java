package io.plinth.filestorage.files;

import io.plinth.kernel.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * The largest file accepted, {@code plinth.files.max-bytes}. Read while the application starts so
 * a bad value stops the deployment; capped because an upload is held in memory until it is stored.
 */
@ApplicationScoped
public class UploadLimit {

    public static final String KEY = "plinth.files.max-bytes";
    private static final int CEILING = 256 * 1024 * 1024;

    @Inject
    Settings settings;

    private int maxBytes;

    void read(@Observes Startup startup) {
        maxBytes = settings.integer(KEY, 1, CEILING);
    }

    public int maxBytes() {
        return maxBytes;
    }
}
