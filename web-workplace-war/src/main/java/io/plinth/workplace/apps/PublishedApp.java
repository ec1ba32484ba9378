package io.plinth.workplace.apps;

import java.io.Serializable;

/** An app as the workplace lists it; {@code activeVersion} is null until the app is published. */
public record PublishedApp(String key, String name, String description, Integer activeVersion)
        implements Serializable {

    public boolean isPublished() {
        return activeVersion != null;
    }
}
