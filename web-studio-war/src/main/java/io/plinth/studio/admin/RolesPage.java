package io.plinth.studio.admin;

import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/**
 * Backs Administration → Roles and groups: the roles with the permission patterns they grant
 * (create, change, delete; built-in roles are shown, never changed), and the groups users belong
 * to (create, delete).
 */
@Named
@ViewScoped
public class RolesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    private static final Map<String, String> ROLE_FIELDS = Map.of("key", "role:key", "name", "role:name",
            "description", "role:description", "permissions", "role:permissions");
    private static final Map<String, String> GROUP_FIELDS = Map.of("key", "group:key", "name", "group:name",
            "description", "group:description", "parent", "group:parent");

    @Inject
    IdentityAdmin identity;

    @Inject
    CurrentUser user;

    private String search;
    private Listing<RoleInfo> roles = Listing.empty();
    private Listing<GroupInfo> groups = Listing.empty();
    private boolean available;
    private boolean editing;
    private String roleKey;
    private String roleName;
    private String roleDescription;
    private String rolePermissions;
    private String groupKey;
    private String groupName;
    private String groupDescription;
    private String groupParent;

    public void load() {
        fetchRoles(0);
        fetchGroups(0);
    }

    public void search() {
        fetchRoles(0);
    }

    public void previous() {
        fetchRoles(Math.max(0, roles.offset() - PAGE_SIZE));
    }

    public void next() {
        fetchRoles(roles.offset() + PAGE_SIZE);
    }

    public void previousGroups() {
        fetchGroups(Math.max(0, groups.offset() - PAGE_SIZE));
    }

    public void nextGroups() {
        fetchGroups(groups.offset() + PAGE_SIZE);
    }

    /** Fills the form with a role to change. */
    public void edit(RoleInfo role) {
        editing = true;
        roleKey = role.key();
        roleName = role.name();
        roleDescription = role.description();
        rolePermissions = String.join("\n", role.permissions());
    }

    public void newRole() {
        editing = false;
        roleKey = null;
        roleName = null;
        roleDescription = null;
        rolePermissions = null;
    }

    public void saveRole() {
        String key = strip(roleKey);
        RoleInfo role = new RoleInfo(key, strip(roleName), strip(roleDescription), false,
                IdentityAdmin.lines(rolePermissions));
        try {
            identity.saveRole(user.accessToken(), role, !editing);
            Messages.info(null, Messages.text(editing ? "roles.saved" : "roles.created", key));
            newRole();
            fetchRoles(roles.offset());
        } catch (RefusedException e) {
            if ("role-key-taken".equals(e.code()) || e.status() == 409 && e.errors().isEmpty() && !editing) {
                Messages.error("role:key", e.detail());
            } else {
                AdminMessages.refused(e, ROLE_FIELDS);
            }
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    public void deleteRole(RoleInfo role) {
        try {
            identity.deleteRole(user.accessToken(), role.key());
            Messages.info(null, Messages.text("roles.deleted", role.key()));
            fetchRoles(roles.items().size() == 1 && roles.offset() > 0 ? roles.offset() - PAGE_SIZE : roles.offset());
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    public void createGroup() {
        String key = strip(groupKey);
        try {
            identity.createGroup(user.accessToken(), new GroupInfo(key, strip(groupName), strip(groupDescription),
                    strip(groupParent)));
            Messages.info(null, Messages.text("groups.created", key));
            groupKey = null;
            groupName = null;
            groupDescription = null;
            groupParent = null;
            fetchGroups(groups.offset());
        } catch (RefusedException e) {
            if (e.status() == 409 && e.errors().isEmpty()) {
                Messages.error("group:key", e.detail());
            } else {
                AdminMessages.refused(e, GROUP_FIELDS);
            }
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    public void deleteGroup(GroupInfo group) {
        try {
            identity.deleteGroup(user.accessToken(), group.key());
            Messages.info(null, Messages.text("groups.deleted", group.key()));
            fetchGroups(groups.items().size() == 1 && groups.offset() > 0 ? groups.offset() - PAGE_SIZE : groups.offset());
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    private void fetchRoles(int offset) {
        try {
            roles = identity.roles(user.accessToken(), search, offset, PAGE_SIZE);
            available = true;
        } catch (RefusedException e) {
            available = false;
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            available = false;
            AdminMessages.unavailable(e);
        }
    }

    private void fetchGroups(int offset) {
        try {
            groups = identity.groups(user.accessToken(), null, offset, PAGE_SIZE);
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            if (available) {
                AdminMessages.unavailable(e);
            }
            available = false;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public Listing<RoleInfo> getRoles() {
        return roles;
    }

    public Listing<GroupInfo> getGroups() {
        return groups;
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getRoleKey() {
        return roleKey;
    }

    public void setRoleKey(String roleKey) {
        this.roleKey = roleKey;
    }

    public String getRoleName() {
        return roleName;
    }

    public void setRoleName(String roleName) {
        this.roleName = roleName;
    }

    public String getRoleDescription() {
        return roleDescription;
    }

    public void setRoleDescription(String roleDescription) {
        this.roleDescription = roleDescription;
    }

    public String getRolePermissions() {
        return rolePermissions;
    }

    public void setRolePermissions(String rolePermissions) {
        this.rolePermissions = rolePermissions;
    }

    public String getGroupKey() {
        return groupKey;
    }

    public void setGroupKey(String groupKey) {
        this.groupKey = groupKey;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupDescription() {
        return groupDescription;
    }

    public void setGroupDescription(String groupDescription) {
        this.groupDescription = groupDescription;
    }

    public String getGroupParent() {
        return groupParent;
    }

    public void setGroupParent(String groupParent) {
        this.groupParent = groupParent;
    }
}
