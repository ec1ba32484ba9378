package io.plinth.kernel.cache;

import io.plinth.kernel.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The service's Redisson client for caches, locks and rate limits. Every key gets the prefix
 * {@code plinth.redis.key-prefix}, so several installations (or test runs) can share one Redis.
 * It connects lazily: a Redis that is down at startup shows in {@code /hc}, it does not stop the service.
 */
@ApplicationScoped
public class RedisClientProducer {

    @Inject
    Settings settings;

    @Produces
    @ApplicationScoped
    RedissonClient client() {
        String prefix = settings.optionalText("plinth.redis.key-prefix").orElse("");
        Config config = new Config();
        config.setLazyInitialization(true);
        config.setNettyThreads(4);
        config.setThreads(2);
        var server = config.useSingleServer()
                .setAddress("redis://" + settings.text("plinth.redis.host") + ":" + settings.port("plinth.redis.port"))
                .setDatabase(settings.integer("plinth.redis.database", 0, 15))
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(8)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setConnectTimeout(3000)
                .setTimeout(2000)
                .setRetryAttempts(1)
                .setNameMapper(new PrefixNameMapper(prefix));
        settings.optionalText("plinth.redis.password").ifPresent(server::setPassword);
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }

    /** Adds and strips the installation's key prefix. */
    record PrefixNameMapper(String prefix) implements NameMapper {
        @Override
        public String map(String name) {
            return prefix + name;
        }

        @Override
        public String unmap(String name) {
            return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
    }
}
