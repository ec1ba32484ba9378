package io.plinth.embedded;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The three servers the platform needs, and how to tell that one is already provided: its
 * PLINTH_* variables are set, or something answers on its standard local port.
 */
enum Infrastructure {
    POSTGRES("PostgreSQL", 5432, List.of("PLINTH_DB_HOST", "PLINTH_DB_PORT")),
    REDIS("Redis", 6379, List.of("PLINTH_REDIS_HOST", "PLINTH_REDIS_PORT")),
    AMQP("AMQP broker", 5672, List.of("PLINTH_AMQP_HOST", "PLINTH_AMQP_PORT"));

    /** --embedded, --external, or neither (each server decided on its own). */
    enum Mode { AUTO, EMBEDDED, EXTERNAL }

    final String label;
    final int defaultPort;
    final List<String> variables;

    Infrastructure(String label, int defaultPort, List<String> variables) {
        this.label = label;
        this.defaultPort = defaultPort;
        this.variables = variables;
    }

    /** Why this server is external, or null when it should be embedded. */
    String externalReason(Mode mode, Map<String, String> env, Predicate<Integer> portAnswers) {
        if (mode == Mode.EMBEDDED) {
            return null;
        }
        if (mode == Mode.EXTERNAL) {
            return "--external";
        }
        for (String variable : variables) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return variable + " is set";
            }
        }
        return portAnswers.test(defaultPort) ? "a server answers on localhost:" + defaultPort : null;
    }
}
