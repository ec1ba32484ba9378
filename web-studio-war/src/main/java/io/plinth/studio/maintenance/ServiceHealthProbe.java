package io.plinth.studio.maintenance;

import io.plinth.kernel.concurrency.ManagedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches every service's {@code /hc} at once, so the page costs the slowest service, not their
 * sum, and an absent service costs at most the timeout. It never throws: a service that cannot
 * be asked is UNREACHABLE, one that answers badly is DOWN.
 */
@ApplicationScoped
public class ServiceHealthProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** The request timeout ends when the headers arrive; this also bounds reading the body. */
    private static final Duration DEADLINE = TIMEOUT.multipliedBy(2);
    private static final int THREADS = 4;

    @Inject
    ManagedThreads threads;

    @Inject
    ServiceDirectory directory;

    private ExecutorService executor;
    private HttpClient client;

    @PostConstruct
    void open() {
        executor = threads.pool("studio-health-probe", THREADS);
        client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** Every configured service's health, in the directory's order. */
    public List<ServiceHealth> probeAll() {
        List<CompletableFuture<ServiceHealth>> answers = directory.services().stream().map(this::probe).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ServiceHealth> probe(PlatformService service) {
        HttpRequest request = HttpRequest.newBuilder(service.healthUrl())
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        long start = System.nanoTime();
        return client.sendAsync(request, BoundedBody.handler(MAX_ANSWER_BYTES))
                .orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                // On a managed thread: JSON-P is looked up through the application's context.
                .handleAsync((response, failure) -> {
                    long latencyMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    return failure == null
                            ? HealthAnswers.read(service, response.statusCode(), response.body(), latencyMs)
                            : ServiceHealth.unreachable(service, reason(failure), latencyMs);
                }, executor);
    }

    /** Why a service could not be asked, in words an operator acts on. */
    static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof TimeoutException) {
            return "answer not complete within " + DEADLINE.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
