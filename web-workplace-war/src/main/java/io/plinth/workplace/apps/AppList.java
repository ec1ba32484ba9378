package io.plinth.workplace.apps;

import java.io.Serializable;
import java.util.List;

/** The first page of apps view-service returned, and how many there are in all. */
public record AppList(List<PublishedApp> apps, long total) implements Serializable {

    public AppList {
        apps = List.copyOf(apps);
    }
}
