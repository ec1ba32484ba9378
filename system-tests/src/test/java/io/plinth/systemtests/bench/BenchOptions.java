package io.plinth.systemtests.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a benchmark run does, from {@code --name=value} arguments ({@code ./plinth bench --help}).
 * The defaults are the figures issue 6 asks for; smaller ones make a quick run.
 */
record BenchOptions(List<Integer> clients, Duration warmup, Duration duration, long rows, int samples,
                    int pageWarmup, HttpClient.Version http) {

    static final String USAGE = """
            ./plinth bench [options]
              --clients=1,8,32   concurrent clients of the throughput runs
              --warmup=5s        warm-up of each throughput run (not counted)
              --duration=20s     measured time of each throughput run
              --rows=1000000     rows of the type the page latencies are measured on
              --samples=200      measured requests per page query (after --page-warmup=20 unmeasured)
              --http=1.1         HTTP version of the REST clients: 1.1 (a connection per client) or 2
            """;

    static BenchOptions parse(String... args) {
        List<Integer> clients = List.of(1, 8, 32);
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        long rows = 1_000_000;
        int samples = 200;
        int pageWarmup = 20;
        HttpClient.Version http = HttpClient.Version.HTTP_1_1;
        for (String arg : args) {
            String[] option = arg.split("=", 2);
            if (option.length != 2 || !option[0].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + USAGE);
            }
            String value = option[1];
            switch (option[0]) {
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(String::trim)
                        .map(c -> positive(Integer.parseInt(c), "--clients")).toList();
                case "--warmup" -> warmup = duration(value);
                case "--duration" -> duration = duration(value);
                case "--rows" -> rows = positive(Long.parseLong(value.replace("_", "")), "--rows");
                case "--samples" -> samples = positive(Integer.parseInt(value), "--samples");
                case "--page-warmup" -> pageWarmup = Integer.parseInt(value);
                case "--http" -> http = switch (value) {
                    case "1.1" -> HttpClient.Version.HTTP_1_1;
                    case "2" -> HttpClient.Version.HTTP_2;
                    default -> throw new IllegalArgumentException("--http must be 1.1 or 2");
                };
                default -> throw new IllegalArgumentException("unknown option " + option[0] + "\n" + USAGE);
            }
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be longer than 0s");
        }
        return new BenchOptions(clients, warmup, duration, rows, samples, pageWarmup, http);
    }

    /** {@code 20s}, {@code 2m}, {@code 500ms} or plain seconds. */
    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    }

    private static <T extends Number> T positive(T value, String name) {
        if (value.longValue() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }
}
