package io.plinth.identity.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A role held by every member of a group and of its sub-groups. Mapped for queries; written with plain SQL (see {@link Roles}). */
@Entity
@Table(name = "group_role")
@IdClass(GroupRole.Key.class)
public class GroupRole {

    @Id
    @Column(name = "role_id")
    private UUID roleId;

    @Id
    @Column(name = "group_id")
    private UUID groupId;

    protected GroupRole() {
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID roleId;
        private UUID groupId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(roleId, key.roleId) && Objects.equals(groupId, key.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roleId, groupId);
        }
    }
}
