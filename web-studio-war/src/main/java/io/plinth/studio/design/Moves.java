package io.plinth.studio.design;

import java.util.Collections;
import java.util.List;

/** Moving an item of an ordered part of the model (fields, columns, sections) one place. */
final class Moves {

    private Moves() {
    }

    static <T> void up(List<T> items, T item) {
        int index = indexOf(items, item);
        if (index > 0) {
            Collections.swap(items, index, index - 1);
        }
    }

    static <T> void down(List<T> items, T item) {
        int index = indexOf(items, item);
        if (index >= 0 && index < items.size() - 1) {
            Collections.swap(items, index, index + 1);
        }
    }

    /** By identity: two new, still empty items are equal but not the same. */
    static <T> int indexOf(List<T> items, T item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    static <T> void remove(List<T> items, T item) {
        int index = indexOf(items, item);
        if (index >= 0) {
            items.remove(index);
        }
    }
}
