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
 * Backs Administration → API tokens: the signed-in user's personal API tokens, creating one
 * (its secret shown once, right after, and never kept by the page beyond that view) and revoking.
 */
@Named
@ViewScoped
public class TokensPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    static final int DEFAULT_DAYS = 90;
    private static final Map<String, String> FIELDS = Map.of("name", "create:name", "expiresInDays", "create:days");

    @Inject
    IdentityAdmin identity;

    @Inject
    CurrentUser user;

    private Listing<ApiTokenInfo> page = Listing.empty();
    private boolean available;
    private String name;
    private Integer days = DEFAULT_DAYS;
    private String secret;

    public void load() {
        fetch(0);
    }

    public void previous() {
        fetch(Math.max(0, page.offset() - PAGE_SIZE));
    }

    public void next() {
        fetch(page.offset() + PAGE_SIZE);
    }

    public void create() {
        String tokenName = name == null ? "" : name.strip();
        try {
            secret = identity.createToken(user.accessToken(), tokenName, days == null ? DEFAULT_DAYS : days);
            Messages.info(null, Messages.text("tokens.created", tokenName));
            name = null;
            days = DEFAULT_DAYS;
            fetch(0);
        } catch (RefusedException e) {
            AdminMessages.refused(e, FIELDS);
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    /** The secret was copied: it is forgotten. */
    public void dismissSecret() {
        secret = null;
    }

    public void revoke(ApiTokenInfo token) {
        try {
            identity.revokeToken(user.accessToken(), token.id());
            Messages.info(null, Messages.text("tokens.revoked", token.name()));
            fetch(page.offset());
        } catch (RefusedException e) {
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            AdminMessages.unavailable(e);
        }
    }

    private void fetch(int offset) {
        try {
            page = identity.tokens(user.accessToken(), offset, PAGE_SIZE);
            available = true;
        } catch (RefusedException e) {
            available = false;
            AdminMessages.refused(e, Map.of());
        } catch (ServiceUnavailableException e) {
            available = false;
            AdminMessages.unavailable(e);
        }
    }

    public Listing<ApiTokenInfo> getPage() {
        return page;
    }

    public boolean isAvailable() {
        return available;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getSecret() {
        return secret;
    }
}
