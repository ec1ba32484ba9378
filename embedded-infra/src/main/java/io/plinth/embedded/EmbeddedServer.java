package io.plinth.embedded;

import java.nio.file.Path;
import java.util.Map;

/** One embedded server: started on 127.0.0.1 with its data in a folder, stopped by close(). */
interface EmbeddedServer extends AutoCloseable {

    /** Short name shown to the user, e.g. "PostgreSQL". */
    String name();

    /** Where the server keeps its data. */
    Path dataDirectory();

    int port();

    /** The PLINTH_* variables that point the platform at this server. */
    Map<String, String> environment();

    @Override
    void close();
}
