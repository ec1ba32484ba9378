package io.plinth.kernel.config;

/**
 * A configuration value is missing or unusable. Thrown while the application starts, so the
 * deployment fails with a message that names the key and its environment-variable form.
 */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String key, String problem) {
        super("Invalid configuration: " + key + " (environment variable " + envName(key) + ") " + problem);
    }

    /** The environment-variable form MicroProfile Config accepts for a key. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
