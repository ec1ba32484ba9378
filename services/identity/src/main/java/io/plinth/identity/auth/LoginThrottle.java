package io.plinth.identity.auth;

import io.plinth.kernel.config.Settings;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * Slows down password guessing, shared by every identity instance through Redis: a login is locked
 * for {@code plinth.identity.lockout-duration} after {@code lockout-failures} failed sign-ins within
 * {@code lockout-window}, and one client address may try {@code login-rate-per-minute} times a
 * minute. Logins that do not exist are counted and locked the same way, so a lockout does not
 * reveal which logins exist. Without Redis, sign-in is refused rather than left unthrottled.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    RedissonClient redis;

    @Inject
    Settings settings;

    private int maxFailures;
    private Duration window;
    private Duration lockout;
    private int perMinute;

    @PostConstruct
    void configure() {
        maxFailures = settings.integer("plinth.identity.lockout-failures", 1, 1000);
        window = settings.duration("plinth.identity.lockout-window");
        lockout = settings.duration("plinth.identity.lockout-duration");
        perMinute = settings.integer("plinth.identity.login-rate-per-minute", 1, 100_000);
    }

    /** Refuses the attempt when this client address has tried too often in the last minute. */
    void checkRate(String clientAddress) {
        if (clientAddress == null) {
            return;
        }
        try {
            RAtomicLong attempts = redis.getAtomicLong("identity:login-rate:" + clientAddress);
            if (attempts.incrementAndGet() == 1) {
                attempts.expire(Duration.ofMinutes(1));
            }
            if (attempts.get() > perMinute) {
                throw new ProblemException(Problem.of(429, "too-many-attempts", "Too many sign-in attempts",
                        "Too many sign-in attempts from your address: wait a minute and try again"));
            }
        } catch (RedisException e) {
            throw unavailable();
        }
    }

    /** Refuses the attempt while the login is locked out. */
    void checkNotLocked(String login) {
        try {
            if (redis.getBucket("identity:login-locked:" + key(login)).isExists()) {
                throw locked();
            }
        } catch (RedisException e) {
            throw unavailable();
        }
    }

    /** Counts a failed attempt; the one that reaches the limit locks the login. */
    void failed(String login) {
        try {
            RAtomicLong failures = redis.getAtomicLong("identity:login-failures:" + key(login));
            long count = failures.incrementAndGet();
            if (count == 1) {
                failures.expire(window);
            }
            if (count >= maxFailures) {
                redis.getBucket("identity:login-locked:" + key(login)).set("locked", lockout);
                failures.delete();
            }
        } catch (RedisException e) {
            throw unavailable();
        }
    }

    void succeeded(String login) {
        try {
            redis.getAtomicLong("identity:login-failures:" + key(login)).delete();
        } catch (RedisException e) {
            throw unavailable();
        }
    }

    private ProblemException locked() {
        return new ProblemException(Problem.of(401, "account-locked", "Sign-in locked",
                "Too many failed sign-ins for this login: try again in " + lockout.toMinutes() + " minutes"));
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "sign-in-unavailable", "Sign-in is unavailable",
                "Sign-in cannot be checked right now; try again shortly"));
    }

    /** Logins are hashed in key names: Redis keys should not list who tried to sign in. */
    private static String key(String login) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(login.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
