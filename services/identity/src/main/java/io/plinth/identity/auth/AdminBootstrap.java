package io.plinth.identity.auth;

import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.db.SchemaMigrations;
import io.plinth.kernel.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates the first administrator on first start, from {@code PLINTH_ADMIN_LOGIN} and
 * {@code PLINTH_ADMIN_PASSWORD} ({@code plinth.admin.login}, {@code plinth.admin.password}), with the
 * built-in {@code platform-admin} role. There is no default password: without both settings no
 * administrator is created, and an existing user of that login is left as it is.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    @Inject
    Settings settings;

    @Inject
    FirstAdministrator administrators;

    void start(@Observes @Priority(SchemaMigrations.STARTUP_PRIORITY + 10) Startup startup) {
        Optional<String> login = settings.optionalText("plinth.admin.login");
        Optional<String> password = settings.optionalText("plinth.admin.password");
        if (login.isEmpty() || password.isEmpty()) {
            LOG.info("No first administrator configured (PLINTH_ADMIN_LOGIN and PLINTH_ADMIN_PASSWORD)");
            return;
        }
        if (!LOGIN.matcher(login.get()).matches()) {
            throw new InvalidConfigurationException("plinth.admin.login",
                    "must be 2 to 64 characters: letters, digits, '.', '_' and '-'");
        }
        try {
            if (administrators.create(login.get(), password.get())) {
                LOG.info(() -> "Created the first administrator '" + login.get() + "'");
            }
        } catch (ProblemException e) {
            if (e.problem().status() == 409) {
                return;
            }
            String detail = e.problem().errors().isEmpty() ? e.problem().detail() : e.problem().errors().get(0).message();
            throw new InvalidConfigurationException("plinth.admin.password", detail);
        }
    }
}
