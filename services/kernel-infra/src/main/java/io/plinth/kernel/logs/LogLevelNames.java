package io.plinth.kernel.logs;

import io.plinth.kernel.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * The five log levels of the platform's API and store ({@code error}, {@code warning},
 * {@code info}, {@code debug}, {@code trace}), their java.util.logging levels, and the rules for
 * logger names: one place for the API that stores levels and the services that apply them.
 */
public final class LogLevelNames {

    public static final int MAX_LOGGERS = 100;
    public static final int MAX_LOGGER_NAME = 200;
    private static final Map<String, Level> LEVELS = levels();
    private static final Pattern LOGGER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*(\\.[A-Za-z_$][A-Za-z0-9_$-]*)*");

    private LogLevelNames() {
    }

    /** The level names, most severe first. */
    public static List<String> names() {
        return List.copyOf(LEVELS.keySet());
    }

    /** The JUL level of one of the five names (any case), or empty. */
    public static Optional<Level> parse(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(LEVELS.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The level of a server setting such as {@code plinth.log.level}, which may also use Liberty's and
     * JUL's names ({@code fine}, {@code finest}, {@code severe}...); INFO when it names no level.
     */
    public static Level parseServerLevel(String name) {
        Optional<Level> ours = parse(name);
        if (ours.isPresent()) {
            return ours.get();
        }
        try {
            return Level.parse(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Level.INFO;
        }
    }

    /** The name a record of {@code level} is stored and shown with: CONFIG and FINE are debug, FINER and below trace. */
    public static String nameOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warning";
        }
        if (value >= Level.INFO.intValue()) {
            return "info";
        }
        return value >= Level.FINE.intValue() ? "debug" : "trace";
    }

    /** The names of {@code minimum} and every more severe level: a minimum-level filter. */
    public static List<String> atLeast(String minimum) {
        List<String> names = new ArrayList<>();
        for (String name : LEVELS.keySet()) {
            names.add(name);
            if (name.equals(minimum)) {
                return names;
            }
        }
        throw new IllegalArgumentException("unknown level " + minimum);
    }

    public static boolean isLoggerName(String name) {
        return name != null && name.length() <= MAX_LOGGER_NAME && LOGGER.matcher(name).matches();
    }

    /** Whether {@code logger} is {@code prefix} itself or one of its descendants in the JUL hierarchy. */
    public static boolean within(String logger, String prefix) {
        return logger.startsWith(prefix) && (logger.length() == prefix.length() || logger.charAt(prefix.length()) == '.');
    }

    /** Checks a requested configuration; each error names its field ({@code level}, {@code loggers['a.b']}). */
    public static List<FieldError> validate(String level, Map<String, String> loggers) {
        List<FieldError> errors = new ArrayList<>();
        String known = String.join(", ", LEVELS.keySet());
        if (level != null && parse(level).isEmpty()) {
            errors.add(new FieldError("level", "must be one of " + known));
        }
        if (loggers != null) {
            if (loggers.size() > MAX_LOGGERS) {
                errors.add(new FieldError("loggers", "must name at most " + MAX_LOGGERS + " loggers"));
                return errors;
            }
            loggers.forEach((name, value) -> {
                String field = "loggers['" + (name == null ? "" : shorten(name)) + "']";
                if (!isLoggerName(name)) {
                    errors.add(new FieldError(field, "is not a logger name: dot-separated Java identifiers, at most "
                            + MAX_LOGGER_NAME + " characters"));
                } else if (parse(value).isEmpty()) {
                    errors.add(new FieldError(field, "must be one of " + known));
                }
            });
        }
        return errors;
    }

    private static String shorten(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "..." : name;
    }

    private static Map<String, Level> levels() {
        Map<String, Level> levels = new LinkedHashMap<>();
        levels.put("error", Level.SEVERE);
        levels.put("warning", Level.WARNING);
        levels.put("info", Level.INFO);
        levels.put("debug", Level.FINE);
        levels.put("trace", Level.FINEST);
        return levels;
    }
}
