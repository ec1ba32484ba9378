package io.plinth.kernel.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Typed, validated reads of MicroProfile Config values. Every read either returns a usable value
 * or throws {@link InvalidConfigurationException} naming the key, so bad settings stop startup.
 */
public final class Settings {

    private final Config config;

    public Settings(Config config) {
        this.config = config;
    }

    public String text(String key) {
        return optionalText(key).orElseThrow(() -> new InvalidConfigurationException(key, "is required"));
    }

    public Optional<String> optionalText(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    public int integer(String key, int min, int max) {
        String raw = text(key);
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new InvalidConfigurationException(key, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(key, "must be a whole number, was '" + raw + "'");
        }
    }

    public int port(String key) {
        return integer(key, 1, 65535);
    }

    /** A duration in ISO-8601 ({@code PT5S}) or a number with a unit: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d}. */
    public Duration duration(String key) {
        String raw = text(key);
        try {
            if (raw.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2)));
            }
            long amount = raw.startsWith("P") ? 0 : Long.parseLong(raw.substring(0, raw.length() - 1));
            return switch (raw.charAt(raw.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.parse(raw);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new InvalidConfigurationException(key,
                    "must be a duration such as 500ms, 5s, 2m, 1h, 7d or PT5S, was '" + raw + "'");
        }
    }

    public URI uri(String key) {
        String raw = text(key);
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, "must be an absolute URI, was '" + raw + "'");
        }
    }
}
