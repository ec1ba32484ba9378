package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/** A section of a designed form: its title, its columns and the fields the user may see in it. */
public record FormSection(String title, int columns, List<FormItem> items) implements Serializable {

    public FormSection {
        items = List.copyOf(items);
    }

    public String getTitle() {
        return title;
    }

    public int getColumns() {
        return columns;
    }

    public List<FormItem> getItems() {
        return items;
    }
}
