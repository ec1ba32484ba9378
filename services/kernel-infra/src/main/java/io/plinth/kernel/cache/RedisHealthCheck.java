package io.plinth.kernel.cache;

import io.plinth.kernel.health.Checks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/** Redis answers PING within two seconds. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    @Inject
    RedissonClient redis;

    @Override
    public HealthCheckResponse call() {
        return Checks.probe("redis", () -> HealthCheckResponse.named("redis")
                .status(redis.getRedisNodes(RedisNodes.SINGLE).pingAll(2, TimeUnit.SECONDS)));
    }
}
