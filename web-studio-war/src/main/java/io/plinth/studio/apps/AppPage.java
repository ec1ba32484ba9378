package io.plinth.studio.apps;

import java.io.Serializable;
import java.util.List;

/** One page of apps: the items from {@code offset}, at most {@code limit} of them, of {@code total}. */
public record AppPage(List<AppSummary> items, int offset, int limit, long total) implements Serializable {

    public static final AppPage EMPTY = new AppPage(List.of(), 0, 1, 0);

    public AppPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    /** The position of the first item shown, counting from 1 (0 when there is none). */
    public long first() {
        return items.isEmpty() ? 0 : offset + 1L;
    }

    public long last() {
        return offset + (long) items.size();
    }
}
