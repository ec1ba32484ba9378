package io.plinth.workplace.apps;

import java.io.Serializable;

/** An app a user can open, as the workplace lists it. */
public record PublishedApp(String key, String name, String description) implements Serializable {
}
