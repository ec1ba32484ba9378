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
import java.util.List;
import java.util.Map;

/**
 * Backs Administration → Users: a searchable, paged list of the platform's users, creating one
 * (with a first password), disabling and enabling, and one user's roles and groups, given and
 * taken away. identity decides what the signed-in administrator may do.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    /** Enough for a choice list: beyond this many roles or groups, type the key. */
    static final int CHOICES = 200;
    private static final Map<String, String> CREATE_FIELDS = Map.of("login", "create:login",
            "displayName", "create:displayName", "email", "create:email", "password", "create:password");

    @Inject
    IdentityAdmin identity;

    @Inject
    CurrentUser user;

    private String search;
    private Listing<UserInfo> page = Listing.empty();
    private boolean available;
    private String newLogin;
    private String newDisplayName;
    private String newEmail;
    private String newPassword;
    private UserAccess access;
    private List<String> roleChoices = List.of();
    private List<String> groupChoices = List.of();
    private String roleToAdd;
    private String groupToAdd;

    public void load() {
        fetch(0);
    }

    public void search() {
        fetch(0);
    }

    public void previous() {
        fetch(Math.max(0, page.offset() - PAGE_SIZE));
    }

    public void next() {
        fetch(page.offset() + PAGE_SIZE);
    }

    public void create() {
        String login = strip(newLogin);
        try {
            identity.createUser(user.accessToken(), login, strip(newDisplayName), strip(newEmail), newPassword);
            Messages.info(null, Messages.text("users.created", login));
            newLogin = null;
            newDisplayName = null;
            newEmail = null;
            newPassword = null;
            search = login;
            fetch(0);
            manage(login);
        } catch (RefusedException e) {
            if ("login-taken".equals(e.code())) {
                Messages.error("create:login", e.detail());
            } else {
                AdminMessages.refused(e, CREATE_FIELDS);
            }
            // The user exists when only the password was refused: the list shows them.
            fetch(page.offset());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    public void disable(UserInfo who) {
        move(who, "disable", "users.disabled");
    }

    public void enable(UserInfo who) {
        move(who, "enable", "users.enabled");
    }

    private void move(UserInfo who, String move, String done) {
        try {
            identity.changeStatus(user.accessToken(), who.login(), move);
            Messages.info(null, Messages.text(done, who.login()));
            fetch(page.offset());
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    /** Opens one user's access: their effective groups and roles, and what can be given to them. */
    public void manage(String login) {
        try {
            access = identity.access(user.accessToken(), login);
            roleChoices = identity.roles(user.accessToken(), null, 0, CHOICES).items().stream().map(RoleInfo::key).toList();
            groupChoices = identity.groups(user.accessToken(), null, 0, CHOICES).items().stream().map(GroupInfo::key)
                    .toList();
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    public void assignRole() {
        change(roleToAdd, "access:role", (token, key) -> identity.assignRole(token, key, access.login(), true),
                "users.roleAssigned");
        roleToAdd = null;
    }

    public void unassignRole(String role) {
        change(role, null, (token, key) -> identity.assignRole(token, key, access.login(), false), "users.roleRemoved");
    }

    public void addGroup() {
        change(groupToAdd, "access:group", (token, key) -> identity.addToGroup(token, key, access.login(), true),
                "users.groupAdded");
        groupToAdd = null;
    }

    public void removeGroup(String group) {
        change(group, null, (token, key) -> identity.addToGroup(token, key, access.login(), false), "users.groupRemoved");
    }

    private interface AccessChange {
        void apply(String token, String key) throws ServiceUnavailableException, RefusedException;
    }

    private void change(String key, String field, AccessChange change, String done) {
        if (access == null) {
            return;
        }
        if (key == null || key.isBlank()) {
            Messages.error(field, Messages.text("users.pick"));
            return;
        }
        try {
            change.apply(user.accessToken(), key);
            Messages.info(null, Messages.text(done, key, access.login()));
            access = identity.access(user.accessToken(), access.login());
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    private void fetch(int offset) {
        try {
            page = identity.users(user.accessToken(), search, offset, PAGE_SIZE);
            available = true;
        } catch (RefusedException e) {
            page = Listing.empty();
            available = false;
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            page = Listing.empty();
            available = false;
            AdminMessages.unavailable(e);
        }
    }

    public String severity(String status) {
        return switch (status == null ? "" : status) {
            case "active" -> "success";
            case "disabled" -> "danger";
            case "locked" -> "warning";
            default -> "secondary";
        };
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public Listing<UserInfo> getPage() {
        return page;
    }

    public boolean isAvailable() {
        return available;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getNewLogin() {
        return newLogin;
    }

    public void setNewLogin(String newLogin) {
        this.newLogin = newLogin;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public UserAccess getAccess() {
        return access;
    }

    public List<String> getRoleChoices() {
        return roleChoices;
    }

    public List<String> getGroupChoices() {
        return groupChoices;
    }

    public String getRoleToAdd() {
        return roleToAdd;
    }

    public void setRoleToAdd(String roleToAdd) {
        this.roleToAdd = roleToAdd;
    }

    public String getGroupToAdd() {
        return groupToAdd;
    }

    public void setGroupToAdd(String groupToAdd) {
        this.groupToAdd = groupToAdd;
    }
}
