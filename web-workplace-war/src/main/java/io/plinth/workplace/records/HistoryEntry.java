package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/** One change of a record as its page shows it: which version, what, when, by whom, and each field before and after. */
public record HistoryEntry(long version, String operation, String when, String who, List<Change> changes)
        implements Serializable {

    /** A field's value before and after the change, as text. */
    public record Change(String label, String before, String after) implements Serializable {

        public String getLabel() {
            return label;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }
    }

    public HistoryEntry {
        changes = List.copyOf(changes);
    }

    public long getVersion() {
        return version;
    }

    public String getOperation() {
        return operation;
    }

    public String getWhen() {
        return when;
    }

    public String getWho() {
        return who;
    }

    public List<Change> getChanges() {
        return changes;
    }
}
