package io.plinth.viewservice.maintenance;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.logs.LogLevelConfig;
import io.plinth.kernel.logs.LogLevelNames;
import io.plinth.kernel.logs.LogTopology;
import io.plinth.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The log levels of every service: stored here, changed through the API, and announced with the
 * event {@code view-service.log-level.changed} (in the changing transaction), which every running
 * instance of the service applies at once.
 */
@ApplicationScoped
public class LogLevelSettings {

    /** The services that ship logs and apply levels: every deployable but web-studio. */
    public static final List<String> SERVICES = List.of("catalogs", "data-flow", "file-storage", "identity",
            "notification", "scheduler", "template-service", "view-service", "workflow", "web-workplace");

    private static final Logger LOG = Logger.getLogger(LogLevelSettings.class.getName());

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    EventPublisher events;

    public List<LogLevelView> list() {
        Map<String, LogLevelSetting> stored = em.createQuery("SELECT s FROM LogLevelSetting s", LogLevelSetting.class)
                .getResultStream().collect(Collectors.toMap(LogLevelSetting::service, Function.identity()));
        return SERVICES.stream().map(service -> view(service, stored.get(service))).toList();
    }

    public LogLevelView get(String service) {
        known(service);
        return view(service, em.find(LogLevelSetting.class, service));
    }

    /** The levels as instances apply them; version 0 when nothing was ever stored. */
    public LogLevelConfig config(String service) {
        LogLevelSetting setting = em.find(LogLevelSetting.class, service);
        return setting == null ? new LogLevelConfig(null, Map.of(), 0) : config(setting);
    }

    /** Replaces the service's levels and announces them; a change that changes nothing is still announced. */
    @Transactional
    public LogLevelView change(String service, LogLevelChange change, String by) {
        known(service);
        LogLevelSetting setting = em.find(LogLevelSetting.class, service, LockModeType.PESSIMISTIC_WRITE);
        if (setting == null) {
            setting = new LogLevelSetting(service);
            em.persist(setting);
        }
        JsonObjectBuilder loggers = Json.createObjectBuilder();
        new TreeMap<>(change.loggers()).forEach((name, level) -> loggers.add(name, normal(level)));
        setting.change(change.level() == null ? null : normal(change.level()), loggers.build().toString(), by);
        Persistence.flushOrConflict(em, "log-levels-changed-concurrently",
                "The log levels of '" + service + "' were changed at the same time; read them and try again");
        JsonObject levels = config(setting).toJson(service);
        events.publish(LogTopology.LEVEL_CHANGED, levels);
        LOG.info(() -> "Log levels of " + service + " set by " + by + ": " + levels);
        return view(service, setting);
    }

    /** A 404 problem unless {@code service} ships logs. */
    public static void known(String service) {
        if (!SERVICES.contains(service)) {
            throw ProblemException.notFound("Service", service);
        }
    }

    private static String normal(String level) {
        return level.strip().toLowerCase(Locale.ROOT);
    }

    private static LogLevelConfig config(LogLevelSetting setting) {
        Map<String, Level> loggers = new TreeMap<>();
        loggers(setting).forEach((name, level) -> LogLevelNames.parse(level).ifPresent(value -> loggers.put(name, value)));
        return new LogLevelConfig(LogLevelNames.parse(setting.level()).orElse(null), loggers, setting.version());
    }

    private static LogLevelView view(String service, LogLevelSetting setting) {
        if (setting == null) {
            return new LogLevelView(service, null, Map.of(), 0, null, null);
        }
        return new LogLevelView(service, setting.level(), loggers(setting), setting.version(), setting.updatedAt(),
                setting.updatedBy());
    }

    private static Map<String, String> loggers(LogLevelSetting setting) {
        Map<String, String> loggers = new TreeMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(setting.loggers()))) {
            JsonObject stored = reader.readObject();
            stored.forEach((name, value) -> {
                if (value instanceof JsonString level) {
                    loggers.put(name, level.getString());
                }
            });
        }
        return loggers;
    }
}
