package io.plinth.workplace.records;

import java.io.Serializable;

/**
 * One line of an app's navigation, flattened from the model's tree: a heading ({@code depth} 0
 * items with children), a list to open ({@code list} or just {@code type}), or a form to create
 * a record of {@code type}.
 */
public record NavigationEntry(String key, String label, String icon, int depth, String type, String list,
                              boolean newRecord) implements Serializable {

    public boolean isHeading() {
        return type == null;
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public String getIcon() {
        return icon;
    }

    public int getDepth() {
        return depth;
    }

    public String getType() {
        return type;
    }

    public String getList() {
        return list;
    }

    public boolean isNewRecord() {
        return newRecord;
    }
}
