package io.plinth.systemtests.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, started and stopped through the real launcher ({@code ./plinth}) in
 * one mode at a time: split mode and all-in-one share the private gRPC ports.
 */
public final class Platform {

    public enum Mode { SPLIT, ALL_IN_ONE }

    private static final Path ROOT = Path.of(System.getProperty("plinth.root", "..")).toAbsolutePath().normalize();
    private static TestInfrastructure infrastructure;
    private static Mode running;
    private static String adminLogin;
    private static String adminPassword;
    private static String adminToken;
    private static Instant adminTokenAt = Instant.MIN;

    private Platform() {
    }

    public static synchronized TestInfrastructure infrastructure() throws Exception {
        if (infrastructure == null) {
            infrastructure = new TestInfrastructure();
        }
        return infrastructure;
    }

    /** Makes sure the platform runs in {@code mode} (stopping the other mode first) and is healthy. */
    public static synchronized TestInfrastructure ensure(Mode mode) throws Exception {
        TestInfrastructure infra = infrastructure();
        if (running == mode) {
            return infra;
        }
        launcher("stop");
        running = null;
        adminToken = null;
        launcher(mode == Mode.SPLIT ? new String[] {"start", "--split"} : new String[] {"start"});
        running = mode;
        adminLogin = infra.adminLogin;
        adminPassword = infra.adminPassword;
        return infra;
    }

    /**
     * Uses a platform running in {@code mode} that this class did not start (the benchmark runs
     * against the launcher's own platform), signing in as its first administrator.
     */
    public static synchronized void attach(Mode mode, String login, String password) {
        running = mode;
        adminLogin = login;
        adminPassword = password;
        adminToken = null;
    }

    /** The base URL of {@code service} in the running mode. */
    public static synchronized String url(Service service) {
        if (running == null) {
            throw new IllegalStateException("the platform is not running");
        }
        return running == Mode.SPLIT ? service.splitUrl() : service.allInOneUrl();
    }

    /** identity's base URL in the running mode: tokens are only valid in the mode that issued them. */
    public static synchronized String identityUrl() {
        return url(Service.IDENTITY);
    }

    /** A fresh-enough access token of the first administrator (signed in again every two minutes). */
    public static synchronized String adminToken() {
        if (adminToken == null || adminTokenAt.isBefore(Instant.now().minusSeconds(120))) {
            adminToken = login(adminLogin, adminPassword);
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    /** Signs in with a password and answers the access token; fails when the sign-in is refused. */
    public static String login(String login, String password) {
        var response = signIn(login, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + login + " refused: " + response.body());
        }
        return Http.json(response).getString("access_token");
    }

    /** The whole answer of {@code POST /api/auth/login}, whatever its status. */
    public static java.net.http.HttpResponse<String> signIn(String login, String password) {
        var response = Http.anonymous().post(identityUrl() + "/api/auth/login", jakarta.json.Json.createObjectBuilder()
                .add("login", login).add("password", password).build().toString());
        if (response.statusCode() != 200 && login.equals(adminLogin)) {
            throw new IllegalStateException("the administrator cannot sign in: " + response.body());
        }
        return response;
    }

    /** Stops the platform this class started, keeping the run's database, vhost and keys. */
    public static synchronized void stop() throws Exception {
        if (running != null) {
            launcher("stop");
            running = null;
        }
    }

    /** Stops whatever runs and releases the run's database, vhost and keys. */
    public static synchronized void shutdown() throws Exception {
        stop();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }

    private static void launcher(String... args) throws Exception {
        run(infrastructure.platformEnvironment(), args);
    }

    /**
     * Runs {@code ./plinth args} with {@code environment} in place of every inherited PLINTH_*
     * variable, and answers its output. Fails when it exits with an error.
     */
    public static String run(java.util.Map<String, String> environment, String... args) throws Exception {
        File log = ROOT.resolve("system-tests/target/launcher.log").toFile();
        Files.createDirectories(log.toPath().getParent());
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("plinth").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        File output = File.createTempFile("plinth-launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().keySet().removeIf(name -> name.startsWith("PLINTH_"));
        builder.environment().putAll(environment);
        builder.environment().put("PLINTH_START_TIMEOUT", "600");
        Process process = builder.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        String text = Files.readString(output.toPath());
        Files.writeString(log.toPath(), "$ ./plinth " + String.join(" ", args) + "\n" + text,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(output.toPath());
        if (!finished) {
            process.destroyForcibly();
            throw new IllegalStateException("./plinth " + String.join(" ", args) + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./plinth " + String.join(" ", args) + " failed (exit "
                    + process.exitValue() + "); see " + log + " and the servers' logs under target/liberty-usr");
        }
        return text;
    }
}
