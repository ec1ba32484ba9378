package io.plinth.kernel.db;

import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The schemas this service owns ({@code plinth.db.schemas}, first one primary). A service reads
 * and writes only these; the kernel's outbox and inbox live in the primary one.
 */
@ApplicationScoped
public class ServiceSchemas {

    public static final String KEY = "plinth.db.schemas";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    @Inject
    Settings settings;

    private List<String> names;

    @PostConstruct
    void read() {
        names = Arrays.stream(settings.text(KEY).split(",")).map(String::strip).toList();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidConfigurationException(KEY, "holds an invalid schema name '" + name + "'");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public String primary() {
        return names.get(0);
    }

    /** A table of the primary schema, quoted for SQL: {@code "workplace-host".outbox_event}. */
    public String table(String table) {
        return quote(primary()) + "." + table;
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
