package io.plinth.studio.maintenance;

import java.io.Serializable;
import java.util.List;

/** One page of log records, newest first: from {@code offset}, of {@code total}. */
public record LogPage(List<LogRecord> items, int offset, int limit, long total) implements Serializable {

    public static final LogPage EMPTY = new LogPage(List.of(), 0, 1, 0);

    public LogPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public long first() {
        return items.isEmpty() ? 0 : offset + 1L;
    }

    public long last() {
        return offset + (long) items.size();
    }
}
