package io.plinth.kernel.rest;

import java.util.List;

/** One page of a list: the items, where it starts, how many were asked for, and the total. */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
