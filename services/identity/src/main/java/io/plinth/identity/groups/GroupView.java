package io.plinth.identity.groups;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A group as the REST API shows it; {@code parent} is the parent group's key, null at the top. */
public record GroupView(UUID id, String key, String name, String description, String parent,
                        OffsetDateTime createdAt, long version) {

    static GroupView of(UserGroup group, String parentKey) {
        return new GroupView(group.id(), group.key(), group.name(), group.description(), parentKey,
                group.createdAt(), group.version());
    }
}
