package io.plinth.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server process left running by a killed embedded-infra: PostgreSQL and Redis outlive the JVM
 * (kill -9) and keep their pid file in the data folder, so the next start would fail or share
 * the data with them. Such a process is asked to stop, and killed if it does not in time.
 */
final class StaleServer {

    private static final long STOP_WAIT_SECONDS = 30;

    private StaleServer() {
    }

    /**
     * @param pidFile  the server's pid file (its first line is the pid)
     * @param command  text the process's executable path contains, so a reused pid is left alone
     * @param signal   the signal for a clean, quick shutdown (postgres: INT, redis: TERM)
     */
    static void stopIfRunning(Path pidFile, String command, String signal) throws IOException, InterruptedException {
        Optional<ProcessHandle> stale = find(pidFile, command);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle process = stale.get();
        System.out.println("  stopping a " + command + " left running by an earlier run (pid " + process.pid() + ")");
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        try {
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            System.out.println("  pid " + process.pid() + " did not stop within " + STOP_WAIT_SECONDS + " s: killing it");
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The live process named by the pid file, if any (a pid file of a dead process is harmless). */
    static Optional<ProcessHandle> find(Path pidFile, String command) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(command)).orElse(false));
    }
}
