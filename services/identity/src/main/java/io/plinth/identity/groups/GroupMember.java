package io.plinth.identity.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A user's direct membership of a group; it goes with the group or the user. */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "group_id")
    private UUID groupId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected GroupMember() {
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID userId() {
        return userId;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID groupId;
        private UUID userId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(groupId, key.groupId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
