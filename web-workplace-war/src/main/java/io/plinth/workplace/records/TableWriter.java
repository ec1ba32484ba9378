package io.plinth.workplace.records;

import java.io.IOException;
import java.util.List;

/** Writes a list's export row by row: a header of labels, then one row of cell texts per record. */
interface TableWriter extends AutoCloseable {

    void row(List<String> cells) throws IOException;

    /** Writes what is still buffered to the output, which stays open for its owner to close. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
