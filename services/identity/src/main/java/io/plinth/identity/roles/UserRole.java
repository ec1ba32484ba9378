package io.plinth.identity.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A role held by a user directly. Mapped for queries; written with plain SQL (see {@link Roles}). */
@Entity
@Table(name = "user_role")
@IdClass(UserRole.Key.class)
public class UserRole {

    @Id
    @Column(name = "role_id")
    private UUID roleId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    protected UserRole() {
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID roleId;
        private UUID userId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(roleId, key.roleId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roleId, userId);
        }
    }
}
