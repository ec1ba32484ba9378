package io.plinth.identity.groups;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The rule that keeps groups a forest: a group never ends up inside itself. */
final class GroupTree {

    private GroupTree() {
    }

    /**
     * The chain from {@code parent} up to {@code group} when putting {@code group} under
     * {@code parent} would make a loop ({@code parent} lies inside {@code group}, or is it); empty
     * when the move is fine. {@code parentOf} answers a group's parent, or null at the top.
     */
    static <T> List<T> loop(T group, T parent, UnaryOperator<T> parentOf) {
        List<T> chain = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (T current = parent; current != null; current = parentOf.apply(current)) {
            chain.add(current);
            if (current.equals(group)) {
                return chain;
            }
            if (!seen.add(current)) {
                throw new IllegalStateException("The groups above " + parent + " already form a loop: " + chain);
            }
        }
        return List.of();
    }
}
