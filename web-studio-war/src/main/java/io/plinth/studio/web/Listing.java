package io.plinth.studio.web;

import java.io.Serializable;
import java.util.List;

/** One page of a service's list (apps, log records, users...): the items from {@code offset}, of {@code total}. */
public record Listing<T extends Serializable>(List<T> items, int offset, int limit, long total) implements Serializable {

    public Listing {
        items = List.copyOf(items);
    }

    public static <T extends Serializable> Listing<T> empty() {
        return new Listing<>(List.of(), 0, 1, 0);
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
