package io.plinth.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The platform's own database, as the launcher configures it (the same PLINTH_DB_* variables and
 * defaults), reached as its user (postgres on a developer machine): no row-level security applies.
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("PLINTH_DB_HOST", "localhost") + ":"
                + env("PLINTH_DB_PORT", "5432") + "/" + env("PLINTH_DB_NAME", "plinth"), env("PLINTH_DB_USER", "postgres"),
                env("PLINTH_DB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
