package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Optional;

/** Where a reference field points: a type of the same app, one or many records, and what deleting the target does. */
public record ReferenceModel(String type, Cardinality cardinality, OnDelete onDelete) {

    /** One record (a column with a foreign key) or many (a link table). */
    public enum Cardinality {
        ONE("one"), MANY("many");

        private final String key;

        Cardinality(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Cardinality> of(String key) {
            return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
        }
    }

    /** The model's delete behaviour and the SQL of the foreign key that enforces it. */
    public enum OnDelete {
        RESTRICT("restrict", "RESTRICT"), CASCADE("cascade", "CASCADE"), SET_NULL("set-null", "SET NULL");

        private final String key;
        private final String sql;

        OnDelete(String key, String sql) {
            this.key = key;
            this.sql = sql;
        }

        public String key() {
            return key;
        }

        public String sql() {
            return sql;
        }

        public static Optional<OnDelete> of(String key) {
            return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
        }
    }

    public boolean many() {
        return cardinality == Cardinality.MANY;
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("cardinality", cardinality.key())
                .add("onDelete", onDelete.key())
                .build();
    }
}
