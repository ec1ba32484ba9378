package io.plinth.catalogs.records;

import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * App model documents in Redis: one hash per app, {@code <plinth.catalogs.model-cache.prefix><app>}
 * (after the installation's {@code plinth.redis.key-prefix}), one field per stamp, expiring
 * {@code plinth.catalogs.model-cache.ttl} after its last fill. {@link ModelCacheInvalidation}
 * deletes an app's hash when its schema or rules change. Redis failing never fails a request: the
 * model comes from the database, the failure is logged once, and Redis is left alone for
 * {@code plinth.catalogs.model-cache.retry-after} (so a Redis that is down costs one timeout per
 * period, not one per request). Counter {@code plinth_catalogs_model_cache_total} by {@code result}:
 * {@code hit}, {@code miss}, {@code unavailable}.
 */
@ApplicationScoped
public class RedisModelDocuments implements ModelDocuments {

    private static final Logger LOG = Logger.getLogger(RedisModelDocuments.class.getName());

    enum Result { HIT, MISS, UNAVAILABLE }

    @Inject
    RedissonClient redis;

    @Inject
    Settings settings;

    @Inject
    ServiceIdentity identity;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private String prefix;
    private Duration ttl;
    private Duration retryAfter;
    private Consumer<Result> counted;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    RedisModelDocuments() {
    }

    /** Outside CDI (tests): the same behaviour with the given client, settings and counter. */
    RedisModelDocuments(RedissonClient redis, String prefix, Duration ttl, Duration retryAfter,
                        Consumer<Result> counted) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        this.retryAfter = retryAfter;
        this.counted = counted;
    }

    @PostConstruct
    void configure() {
        prefix = settings.text("plinth.catalogs.model-cache.prefix");
        ttl = settings.duration("plinth.catalogs.model-cache.ttl");
        retryAfter = settings.duration("plinth.catalogs.model-cache.retry-after");
        counted = result -> registry.counter("plinth.catalogs.model.cache", new Tag("service", identity.name()),
                new Tag("result", result.name().toLowerCase())).inc();
    }

    @Override
    public Optional<String> get(String app, String stamp) {
        if (paused()) {
            counted.accept(Result.UNAVAILABLE);
            return Optional.empty();
        }
        try {
            String documents = hash(app).get(stamp);
            answered();
            counted.accept(documents == null ? Result.MISS : Result.HIT);
            return Optional.ofNullable(documents);
        } catch (RuntimeException e) {
            failed(e);
            counted.accept(Result.UNAVAILABLE);
            return Optional.empty();
        }
    }

    @Override
    public void put(String app, String stamp, String documents) {
        attempt(() -> {
            RMap<String, String> hash = hash(app);
            hash.fastPut(stamp, documents);
            hash.expire(ttl);
        });
    }

    /** Deletes every entry of the app. */
    void forget(String app) {
        attempt(() -> hash(app).delete());
    }

    /** The hash of an app (the client adds the installation's prefix). */
    String key(String app) {
        return prefix + app;
    }

    private RMap<String, String> hash(String app) {
        return redis.getMap(key(app), StringCodec.INSTANCE);
    }

    private void attempt(Runnable work) {
        if (paused()) {
            return;
        }
        try {
            work.run();
            answered();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Whether Redis is being left alone after a failure. */
    private boolean paused() {
        return failing.get() && System.nanoTime() - pausedUntil.get() < 0;
    }

    private void answered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis answers again: app models are cached again");
        }
    }

    private void failed(RuntimeException e) {
        pausedUntil.set(System.nanoTime() + retryAfter.toNanos());
        if (failing.compareAndSet(false, true)) {
            LOG.warning("Redis cannot be used for app models (" + e + "); they are read from the database,"
                    + " and Redis is tried again every " + retryAfter);
        }
    }
}
