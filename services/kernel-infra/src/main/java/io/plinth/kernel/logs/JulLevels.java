package io.plinth.kernel.logs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Applies log levels to java.util.logging loggers, which are shared by every application of the
 * JVM. Liberty gives each logger its own level from the server's trace specification when the
 * logger is created, so a level on {@code io.plinth} alone would not reach its children: every
 * existing logger in scope gets the level, and {@link LiveLogLevels} reapplies it now and then for
 * loggers created since. A logger gets the most verbose level any application of the JVM wants
 * it at (asked through each application's {@link ShippingHandler}); what each application ships
 * is still filtered by its own levels. A logger nobody cares about any more gets its server level
 * back.
 */
final class JulLevels {

    private JulLevels() {
    }

    /**
     * @param platformLoggers the {@code io.plinth} logger, where every application's handler sits
     * @param scopes logger names (with their descendants) to set
     * @param touched names this application has set; kept up to date
     */
    static void reconcile(Logger platformLoggers, Collection<String> scopes, Set<String> touched) {
        List<Function<String, Level>> opinions = opinions(platformLoggers);
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            if (!touched.contains(name) && !within(name, scopes)) {
                continue;
            }
            Logger logger = manager.getLogger(name);
            if (logger == null) {
                touched.remove(name);
                continue;
            }
            Level wanted = mostVerbose(opinions, name);
            if (wanted != null) {
                if (!wanted.equals(logger.getLevel())) {
                    logger.setLevel(wanted);
                }
                touched.add(name);
            } else if (touched.remove(name)) {
                restoreServerLevel(logger);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Function<String, Level>> opinions(Logger platformLoggers) {
        List<Function<String, Level>> opinions = new ArrayList<>();
        for (Handler handler : platformLoggers.getHandlers()) {
            if (handler.getClass().getName().equals(ShippingHandler.class.getName()) && handler instanceof Function<?, ?>) {
                opinions.add((Function<String, Level>) handler);
            }
        }
        return opinions;
    }

    static Level mostVerbose(List<Function<String, Level>> opinions, String logger) {
        Level result = null;
        for (Function<String, Level> opinion : opinions) {
            Level wanted;
            try {
                wanted = opinion.apply(logger);
            } catch (RuntimeException | LinkageError e) {
                continue; // an application being stopped
            }
            if (wanted != null && (result == null || wanted.intValue() < result.intValue())) {
                result = wanted;
            }
        }
        return result;
    }

    /**
     * Liberty's loggers read their level from the server's trace specification again when told
     * the trace state changed; elsewhere the logger inherits from its parent again.
     */
    static void restoreServerLevel(Logger logger) {
        try {
            Method reread = logger.getClass().getMethod("traceStateChanged");
            reread.invoke(logger);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            logger.setLevel(null);
        }
    }

    private static boolean within(String name, Collection<String> scopes) {
        for (String scope : scopes) {
            if (LogLevelNames.within(name, scope)) {
                return true;
            }
        }
        return false;
    }
}
