package io.plinth.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The shell file the launcher sources: export lines for the embedded servers' PLINTH_* variables. */
final class EnvironmentFile {

    private EnvironmentFile() {
    }

    /** Written to a temporary file and moved into place, so a reader never sees half of it. */
    static void write(Path file, Map<String, String> variables) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String text = new TreeMap<>(variables).entrySet().stream()
                .map(e -> "export " + e.getKey() + "=" + quote(e.getValue()))
                .collect(Collectors.joining("\n", "# Written by embedded-infra; removed when it stops.\n", "\n"));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
