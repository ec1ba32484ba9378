package io.plinth.catalogs.storage;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an app's applied types into the steps that bring its tables to new types. The order is
 * fixed: remove (link tables, fields, then types), create new types, change kept types (renames,
 * type changes, constraints, new fields), then connect (link tables, foreign keys) once every
 * table exists. Types go by key, so reordering types in the model changes nothing.
 * Changes catalogs cannot make safely are refused all at once with a 409 {@code schema-change-refused}.
 */
public final class MigrationPlanner {

    private final StorageNames names;
    private final Map<String, TypeModel> before;
    private final Map<String, TypeModel> after;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, Matching> kept = new TreeMap<>();
    private final List<MigrationStep> steps = new ArrayList<>();
    private final List<FieldError> refusals = new ArrayList<>();

    private MigrationPlanner(String app, List<TypeModel> current, List<TypeModel> next) {
        this.names = new StorageNames(app);
        this.before = byKey(current);
        this.after = byKey(next);
        for (int i = 0; i < next.size(); i++) {
            positions.put(next.get(i).key(), i);
        }
    }

    /** The steps from {@code current} (empty for an app without tables) to {@code next}. */
    public static List<MigrationStep> plan(String app, List<TypeModel> current, List<TypeModel> next) {
        return new MigrationPlanner(app, current, next).plan();
    }

    private List<MigrationStep> plan() {
        after.values().stream().filter(t -> before.containsKey(t.key()))
                .forEach(t -> kept.put(t.key(), Matching.of(before.get(t.key()), t)));
        kept.values().forEach(this::refuseImpossibleChanges);
        if (!refusals.isEmpty()) {
            throw new ProblemException(new Problem(409, "schema-change-refused", "Conflict",
                    refusals.size() == 1 ? refusals.get(0).field() + ": " + refusals.get(0).message()
                            : refusals.size() + " changes cannot be made to data that is already stored", refusals));
        }
        dropLinkTables();
        kept.values().forEach(this::dropFields);
        dropTypes();
        after.values().stream().filter(t -> !before.containsKey(t.key())).forEach(this::createType);
        kept.values().forEach(this::changeType);
        createLinkTables();
        addReferences();
        return List.copyOf(steps);
    }

    // ---- refusals

    private void refuseImpossibleChanges(Matching matching) {
        if ((matching.before().securityPartition() == null) != (matching.after().securityPartition() == null)) {
            refusals.add(new FieldError("types[" + positions.get(matching.after().key()) + "].securityPartition",
                    matching.after().securityPartition() == null
                            ? "a type created with a security partition keeps one: its table is partitioned by it"
                            : "a security partition is chosen when a type is created: its table is partitioned by"
                            + " it; create a new type and move the records"));
        }
        for (Pair pair : matching.pairs()) {
            FieldModel from = pair.before();
            FieldModel to = pair.after();
            String path = path(matching.after().key(), to.key()) + ".type";
            if (from.reference() != null && to.reference() != null) {
                if (!from.reference().type().equals(to.reference().type())) {
                    refusals.add(new FieldError(path, "a reference cannot change the type it points to ("
                            + from.reference().type() + " to " + to.reference().type() + "): add a new field instead"));
                } else if (from.many() != to.many()) {
                    refusals.add(new FieldError(path, "a reference cannot change between one and many records:"
                            + " add a new field instead"));
                }
            } else if (typeChanged(from, to)) {
                Conversion conversion = Conversion.between(from, to);
                if (conversion.refused()) {
                    refusals.add(new FieldError(path, conversion.refusal()));
                }
            }
        }
    }

    // ---- removals

    private void dropLinkTables() {
        for (TypeModel type : before.values()) {
            Matching matching = kept.get(type.key());
            List<FieldModel> gone = matching == null ? type.fields() : matching.dropped();
            for (FieldModel field : gone) {
                if (field.many()) {
                    String link = names.linkTable(type.key(), field.key());
                    steps.add(MigrationStep.losing("drop-link", "Drop the links of " + type.key() + "." + field.key()
                                    + " (table " + link + ")", List.of("DROP TABLE " + link),
                            "SELECT EXISTS (SELECT 1 FROM " + link + ")", null));
                }
            }
        }
    }

    private void dropFields(Matching matching) {
        String type = matching.after().key();
        String table = names.table(type);
        if (partitionChanged(matching)) {
            steps.add(MigrationStep.of("drop-partition-key", "Stop partitioning " + type + " by "
                    + matching.before().securityPartition(), List.of("ALTER TABLE " + table + " DROP CONSTRAINT "
                    + names.tableObject(type, "partition"))));
        }
        for (FieldModel field : matching.dropped()) {
            if (!field.many()) {
                String column = StorageNames.quote(field.key());
                steps.add(MigrationStep.losing("drop-field", "Drop field " + type + "." + field.key(),
                        List.of("ALTER TABLE " + table + " DROP COLUMN " + column + (targetPartitioned(field)
                                ? ", DROP COLUMN " + StorageNames.referencePartition(field.key()) : "")),
                        "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + column + " IS NOT NULL)", null));
            }
        }
    }

    private void dropTypes() {
        List<TypeModel> dropped = before.values().stream().filter(t -> !after.containsKey(t.key())).toList();
        Set<String> droppedKeys = dropped.stream().map(TypeModel::key).collect(Collectors.toSet());
        List<String> crossReferences = new ArrayList<>();
        for (TypeModel type : dropped) {
            for (FieldModel field : type.fields()) {
                if (field.referenceOne() && droppedKeys.contains(field.reference().type())
                        && !field.reference().type().equals(type.key())) {
                    crossReferences.add("ALTER TABLE " + names.table(type.key()) + " DROP CONSTRAINT "
                            + names.fieldObject(type.key(), field.key(), "fkey"));
                }
            }
        }
        if (!crossReferences.isEmpty()) {
            steps.add(MigrationStep.of("drop-reference", "Drop the references between the types being removed",
                    crossReferences));
        }
        for (TypeModel type : dropped) {
            String table = names.table(type.key());
            steps.add(MigrationStep.losing("drop-type", "Drop type " + type.key() + " (table " + table + ")",
                    List.of("DROP TABLE " + table), "SELECT EXISTS (SELECT 1 FROM " + table + ")", null));
        }
    }

    // ---- new types

    private void createType(TypeModel type) {
        String key = type.key();
        String table = names.table(key);
        boolean partitioned = type.securityPartition() != null;
        List<String> definitions = new ArrayList<>();
        if (partitioned) {
            // A partitioned table cannot inherit: it copies the primary table's columns instead.
            definitions.add("LIKE " + StorageNames.qualified("record") + " INCLUDING DEFAULTS");
        }
        List<FieldModel> columns = type.fields().stream().filter(f -> !f.many()).toList();
        columns.forEach(f -> definitions.add(columnDefinition(f)));
        columns.stream().filter(this::targetPartitioned).forEach(f -> definitions.add(referencePartitionDefinition(f)));
        definitions.add("CONSTRAINT " + names.tableObject(key, "pkey") + " PRIMARY KEY (id" + partitionKey(key) + ")");
        definitions.add("CONSTRAINT " + names.tableObject(key, "record") + " CHECK (app = "
                + SqlLiterals.string(names.app()) + " AND type = " + SqlLiterals.string(key) + ")");
        if (partitioned) {
            definitions.add("CONSTRAINT " + names.tableObject(key, "version") + " CHECK (version >= 1)");
        }
        for (FieldModel field : columns) {
            if (field.type() == FieldType.ENUM) {
                definitions.add("CONSTRAINT " + names.fieldObject(key, field.key(), "check") + " CHECK ("
                        + SqlLiterals.enumCheck(StorageNames.quote(field.key()), field) + ")");
            }
            if (field.unique()) {
                definitions.add("CONSTRAINT " + names.fieldObject(key, field.key(), "key") + " UNIQUE ("
                        + StorageNames.quote(field.key()) + partitionKey(key) + ")");
            }
        }
        if (partitioned) {
            definitions.add("CONSTRAINT " + names.tableObject(key, "partition") + " CHECK ("
                    + partitionCheck(type.securityPartition()) + ")");
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + table + " (\n  " + String.join(",\n  ", definitions) + "\n) "
                + (partitioned ? "PARTITION BY LIST (partition)" : "INHERITS (" + StorageNames.qualified("record") + ")"));
        sql.add("ALTER TABLE " + table + " ALTER COLUMN app SET DEFAULT " + SqlLiterals.string(names.app())
                + ", ALTER COLUMN type SET DEFAULT " + SqlLiterals.string(key));
        columns.stream().filter(FieldModel::needsIndex).forEach(f -> sql.add(createIndex(key, f)));
        steps.add(MigrationStep.of("create-type", "Create type " + key + " (table " + table
                + (partitioned ? ", a partition per " + type.securityPartition() : "") + ")", sql));
    }

    // ---- kept types

    private void changeType(Matching matching) {
        String type = matching.after().key();
        for (Pair pair : matching.pairs()) {
            if (!pair.before().key().equals(pair.after().key())) {
                rename(type, pair.before(), pair.after().key());
            }
        }
        for (Pair pair : matching.pairs()) {
            if (pair.after().many()) {
                changeLinks(type, pair.before(), pair.after());
            } else {
                changeField(type, pair.before().withKey(pair.after().key()), pair.after());
            }
        }
        matching.added().stream().filter(f -> !f.many()).forEach(f -> addField(type, f));
        if (partitionChanged(matching)) {
            String table = names.table(type);
            String field = matching.after().securityPartition();
            String value = partitionValue(field);
            // Rows move to the partition of their new value, which must exist first.
            steps.add(MigrationStep.of("set-partition-key", "Partition " + type + " by " + field, List.of(
                    "SELECT " + StorageNames.ENSURE_PARTITIONS + "(" + SqlLiterals.string(table) + "::regclass, ARRAY(SELECT DISTINCT "
                            + value + " FROM " + table + "))",
                    "UPDATE " + table + " SET partition = " + value + " WHERE partition IS DISTINCT FROM " + value,
                    "ALTER TABLE " + table + " ADD CONSTRAINT " + names.tableObject(type, "partition") + " CHECK ("
                            + partitionCheck(field) + ")")));
        }
    }

    private void rename(String type, FieldModel field, String newKey) {
        String old = field.key();
        List<String> sql = new ArrayList<>();
        if (field.many()) {
            String link = names.linkTable(type, old);
            sql.add("ALTER TABLE " + link + " RENAME TO " + StorageNames.quote(names.linkTableName(type, newKey)));
            String renamed = names.linkTable(type, newKey);
            for (String suffix : List.of("pkey", "source", "target")) {
                sql.add("ALTER TABLE " + renamed + " RENAME CONSTRAINT " + names.fieldObject(type, old, suffix)
                        + " TO " + names.fieldObject(type, newKey, suffix));
            }
            sql.add(renameIndex(type, old, newKey, "target_idx"));
        } else {
            String table = names.table(type);
            sql.add("ALTER TABLE " + table + " RENAME COLUMN " + StorageNames.quote(old) + " TO "
                    + StorageNames.quote(newKey));
            if (targetPartitioned(field)) {
                sql.add("ALTER TABLE " + table + " RENAME COLUMN " + StorageNames.referencePartition(old) + " TO "
                        + StorageNames.referencePartition(newKey));
            }
            if (field.unique()) {
                sql.add(renameConstraint(table, type, old, newKey, "key"));
            }
            if (field.type() == FieldType.ENUM) {
                sql.add(renameConstraint(table, type, old, newKey, "check"));
            }
            if (field.referenceOne()) {
                sql.add(renameConstraint(table, type, old, newKey, "fkey"));
            }
            if (field.needsIndex()) {
                sql.add(renameIndex(type, old, newKey, "idx"));
            }
        }
        steps.add(MigrationStep.of("rename-field", "Rename field " + type + "." + old + " to " + newKey, sql));
    }

    /** {@code from} is the applied field already under the new key; {@code to} the new field. */
    private void changeField(String type, FieldModel from, FieldModel to) {
        String table = names.table(type);
        String column = StorageNames.quote(to.key());
        String field = type + "." + to.key();
        boolean typeChanged = typeChanged(from, to);
        boolean checkChanged = (from.type() == FieldType.ENUM) != (to.type() == FieldType.ENUM)
                || !Set.copyOf(from.values()).equals(Set.copyOf(to.values()));
        // PostgreSQL rebuilds an index when its column changes type, but not from btree to gin (json).
        boolean indexChanged = from.needsIndex() != to.needsIndex()
                || from.needsIndex() && (from.type() == FieldType.JSON) != (to.type() == FieldType.JSON);

        List<String> before = new ArrayList<>();
        if (from.type() == FieldType.ENUM && checkChanged) {
            before.add("ALTER TABLE " + table + " DROP CONSTRAINT " + names.fieldObject(type, to.key(), "check"));
        }
        if (from.needsIndex() && indexChanged) {
            before.add("DROP INDEX " + inSchema(names.fieldObject(type, to.key(), "idx")));
        }
        if (from.unique() && !to.unique()) {
            before.add("ALTER TABLE " + table + " DROP CONSTRAINT " + names.fieldObject(type, to.key(), "key"));
        }
        if (!before.isEmpty()) {
            steps.add(MigrationStep.of("drop-constraints", "Drop constraints and indexes of " + field
                    + " that change", before));
        }

        if (typeChanged) {
            Conversion conversion = Conversion.between(from, to);
            List<String> sql = new ArrayList<>();
            if (from.defaultValue() != null) {
                sql.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT");
            }
            sql.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + to.sqlType() + " USING "
                    + conversion.using().apply(column));
            String description = "Change field " + field + " from " + from.describeType() + " to "
                    + to.describeType();
            if (conversion.lossy()) {
                // The loss check runs before any step, so it names the column as it is then.
                String applied = StorageNames.quote(pairedKey(type, to.key()));
                steps.add(MigrationStep.losing("change-field-type", description, sql, "SELECT EXISTS (SELECT 1 FROM "
                        + table + " WHERE " + conversion.lossWhere().apply(applied) + ")", conversion.risk()));
            } else {
                steps.add(MigrationStep.risky("change-field-type", description, sql, conversion.risk()));
            }
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue()) || typeChanged && from.defaultValue() != null) {
            if (to.defaultValue() != null) {
                steps.add(MigrationStep.of("set-default", "Set the default of " + field + " to " + to.defaultValue(),
                        List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT "
                                + SqlLiterals.defaultOf(to))));
            } else if (!typeChanged) {
                steps.add(MigrationStep.of("drop-default", "Drop the default of " + field,
                        List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT")));
            }
        }
        if (from.required() && !to.required()) {
            steps.add(MigrationStep.of("drop-required", "Make " + field + " optional",
                    List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL")));
        } else if (!from.required() && to.required()) {
            List<String> sql = new ArrayList<>();
            if (to.defaultValue() != null) {
                sql.add("UPDATE " + table + " SET " + column + " = " + SqlLiterals.defaultOf(to) + " WHERE " + column
                        + " IS NULL");
            }
            sql.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
            steps.add(MigrationStep.risky("set-required", "Make " + field + " required"
                            + (to.defaultValue() != null ? ", filling empty values with the default" : ""), sql,
                    to.defaultValue() != null ? null : "fails if a record has no value for it"));
        }
        if (to.type() == FieldType.ENUM && checkChanged) {
            steps.add(MigrationStep.risky("set-values", "Allow only " + to.values() + " in " + field,
                    List.of(addEnumCheck(type, to)), from.type() == FieldType.ENUM
                            && to.values().containsAll(from.values()) ? null
                            : "fails if a record holds another value"));
        }
        if (to.unique() && !from.unique()) {
            steps.add(MigrationStep.risky("add-unique", "Make " + field + " unique", List.of(addUnique(type, to)),
                    "fails if two records hold the same value"));
        }
        if (to.needsIndex() && indexChanged) {
            steps.add(MigrationStep.of("add-index", "Index " + field, List.of(createIndex(type, to))));
        }
        if (to.referenceOne() && from.reference().onDelete() != to.reference().onDelete()) {
            steps.add(MigrationStep.of("change-reference", "On deleting a " + to.reference().type() + ", "
                            + to.reference().onDelete().key() + " its " + field,
                    List.of("ALTER TABLE " + table + " DROP CONSTRAINT " + names.fieldObject(type, to.key(), "fkey")
                            + ", ADD " + foreignKey(type, to))));
        }
    }

    private void changeLinks(String type, FieldModel from, FieldModel to) {
        if (linkTargetDelete(from) != linkTargetDelete(to)) {
            String link = names.linkTable(type, to.key());
            String target = names.fieldObject(type, to.key(), "target");
            steps.add(MigrationStep.of("change-reference", "On deleting a " + to.reference().type() + ", "
                            + to.reference().onDelete().key() + " its links in " + type + "." + to.key(),
                    List.of("ALTER TABLE " + link + " DROP CONSTRAINT " + target + ", ADD CONSTRAINT " + target
                            + linkTargetKey(to))));
        }
    }

    private void addField(String type, FieldModel field) {
        String table = names.table(type);
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(field)
                + (targetPartitioned(field) ? ", ADD COLUMN " + referencePartitionDefinition(field) : ""));
        if (field.type() == FieldType.ENUM) {
            sql.add(addEnumCheck(type, field));
        }
        if (field.unique()) {
            sql.add(addUnique(type, field));
        }
        if (field.needsIndex()) {
            sql.add(createIndex(type, field));
        }
        String risk = null;
        if (field.required() && field.defaultValue() == null) {
            risk = "fails if the type holds records: a required field without a default has no value for them";
        } else if (field.unique() && field.defaultValue() != null) {
            risk = "fails if the type holds more than one record: all would get the same default";
        }
        steps.add(MigrationStep.risky("add-field", "Add field " + type + "." + field.key() + " ("
                + field.describeType() + ")", sql, risk));
    }

    // ---- connections

    private void createLinkTables() {
        for (TypeModel type : after.values()) {
            Matching matching = kept.get(type.key());
            List<FieldModel> added = matching == null ? type.fields() : matching.added();
            for (FieldModel field : added) {
                if (!field.many()) {
                    continue;
                }
                String link = names.linkTable(type.key(), field.key());
                String key = type.key();
                String f = field.key();
                boolean sourcePartitioned = type.securityPartition() != null;
                boolean targetPartitioned = targetPartitioned(field);
                steps.add(MigrationStep.of("create-link", "Create the links of " + key + "." + f + " to "
                        + field.reference().type() + " (table " + link + ")", List.of(
                        "CREATE TABLE " + link + " (\n  source uuid NOT NULL,\n"
                                + (sourcePartitioned ? "  source_partition text NOT NULL,\n" : "")
                                + "  target uuid NOT NULL,\n"
                                + (targetPartitioned ? "  target_partition text NOT NULL,\n" : "")
                                + "  CONSTRAINT " + names.fieldObject(key, f, "pkey") + " PRIMARY KEY (source, target),\n"
                                + "  CONSTRAINT " + names.fieldObject(key, f, "source") + " FOREIGN KEY (source"
                                + (sourcePartitioned ? ", source_partition" : "") + ") REFERENCES " + names.table(key)
                                + " (id" + partitionKey(key) + ") " + (sourcePartitioned ? "ON UPDATE CASCADE " : "")
                                + "ON DELETE CASCADE,\n"
                                + "  CONSTRAINT " + names.fieldObject(key, f, "target") + linkTargetKey(field) + "\n)",
                        "CREATE INDEX " + names.fieldObject(key, f, "target_idx") + " ON " + link + " (target)")));
            }
        }
    }

    private void addReferences() {
        for (TypeModel type : after.values()) {
            Matching matching = kept.get(type.key());
            List<FieldModel> added = matching == null ? type.fields() : matching.added();
            for (FieldModel field : added) {
                if (field.referenceOne()) {
                    steps.add(MigrationStep.risky("add-reference", "Reference " + field.reference().type() + " from "
                                    + type.key() + "." + field.key() + " (on delete " + field.reference().onDelete().key()
                                    + ")", List.of("ALTER TABLE " + names.table(type.key()) + " ADD "
                                    + foreignKey(type.key(), field)),
                            field.defaultValue() == null ? null : "fails if the default is not an existing record"));
                }
            }
        }
    }

    // ---- SQL pieces

    private String columnDefinition(FieldModel field) {
        return StorageNames.quote(field.key()) + " " + field.sqlType()
                + (field.defaultValue() != null ? " DEFAULT " + SqlLiterals.defaultOf(field) : "")
                + (field.required() ? " NOT NULL" : "");
    }

    private String referencePartitionDefinition(FieldModel field) {
        return StorageNames.referencePartition(field.key()) + " text";
    }

    private String createIndex(String type, FieldModel field) {
        return "CREATE INDEX " + names.fieldObject(type, field.key(), "idx") + " ON " + names.table(type)
                + (field.type() == FieldType.JSON ? " USING gin (" : " (") + StorageNames.quote(field.key()) + ")";
    }

    private String addEnumCheck(String type, FieldModel field) {
        return "ALTER TABLE " + names.table(type) + " ADD CONSTRAINT " + names.fieldObject(type, field.key(), "check")
                + " CHECK (" + SqlLiterals.enumCheck(StorageNames.quote(field.key()), field) + ")";
    }

    private String addUnique(String type, FieldModel field) {
        return "ALTER TABLE " + names.table(type) + " ADD CONSTRAINT " + names.fieldObject(type, field.key(), "key")
                + " UNIQUE (" + StorageNames.quote(field.key()) + partitionKey(type) + ")";
    }

    /**
     * A reference to a partitioned type names the target's partition too (its key is (id,
     * partition)): MATCH FULL refuses an id without its partition, and a target that moves to
     * another partition takes the reference with it.
     */
    private String foreignKey(String type, FieldModel field) {
        String target = field.reference().type();
        boolean partitioned = targetPartitioned(field);
        return "CONSTRAINT " + names.fieldObject(type, field.key(), "fkey") + " FOREIGN KEY ("
                + StorageNames.quote(field.key())
                + (partitioned ? ", " + StorageNames.referencePartition(field.key()) : "") + ") REFERENCES "
                + names.table(target) + " (id" + partitionKey(target) + ")"
                + (partitioned ? " MATCH FULL ON UPDATE CASCADE" : "") + " ON DELETE " + field.reference().onDelete().sql();
    }

    private String linkTargetKey(FieldModel field) {
        String target = field.reference().type();
        boolean partitioned = targetPartitioned(field);
        return " FOREIGN KEY (target" + (partitioned ? ", target_partition" : "") + ") REFERENCES " + names.table(target)
                + " (id" + partitionKey(target) + ")" + (partitioned ? " ON UPDATE CASCADE" : "") + " ON DELETE "
                + linkTargetDelete(field);
    }

    /** Whether a type is partitioned: chosen when it is created, the same before and after. */
    private boolean partitioned(String type) {
        TypeModel model = after.containsKey(type) ? after.get(type) : before.get(type);
        return model != null && model.securityPartition() != null;
    }

    private boolean targetPartitioned(FieldModel field) {
        return field.reference() != null && partitioned(field.reference().type());
    }

    private String partitionKey(String type) {
        return partitioned(type) ? ", partition" : "";
    }

    /** A deleted target takes its links with it unless the model restricts the delete. */
    private static String linkTargetDelete(FieldModel field) {
        return field.reference().onDelete() == ReferenceModel.OnDelete.RESTRICT ? "RESTRICT" : "CASCADE";
    }

    /** The partition of a row with no value in its partition field is the empty text. */
    private static String partitionValue(String field) {
        return "coalesce(" + StorageNames.quote(field) + "::text, '')";
    }

    private static String partitionCheck(String field) {
        return "partition = " + partitionValue(field);
    }

    private String renameConstraint(String table, String type, String old, String newKey, String suffix) {
        return "ALTER TABLE " + table + " RENAME CONSTRAINT " + names.fieldObject(type, old, suffix) + " TO "
                + names.fieldObject(type, newKey, suffix);
    }

    private String renameIndex(String type, String old, String newKey, String suffix) {
        return "ALTER INDEX " + inSchema(names.fieldObject(type, old, suffix)) + " RENAME TO "
                + names.fieldObject(type, newKey, suffix);
    }

    private static String inSchema(String quotedName) {
        return StorageNames.quote(StorageNames.SCHEMA) + "." + quotedName;
    }

    // ---- matching

    private static boolean typeChanged(FieldModel from, FieldModel to) {
        return from.type() != to.type() || !from.many() && !to.many() && !from.sqlType().equals(to.sqlType());
    }

    /** A partitioned type's partitions must be filled again when its partition field, or the field's type, changes. */
    private boolean partitionChanged(Matching matching) {
        String was = matching.before().securityPartition();
        String now = matching.after().securityPartition();
        if (was == null || now == null) {
            return false;
        }
        return matching.pairs().stream().noneMatch(p -> p.before().key().equals(was) && p.after().key().equals(now)
                && !typeChanged(p.before(), p.after()));
    }

    /** The applied key of the field that is {@code key} in the new model. */
    private String pairedKey(String type, String key) {
        return kept.get(type).pairs().stream().filter(p -> p.after().key().equals(key)).findFirst()
                .map(p -> p.before().key()).orElse(key);
    }

    private String path(String type, String field) {
        TypeModel model = after.get(type);
        int index = model.fields().indexOf(model.field(field).orElseThrow());
        return "types[" + positions.get(type) + "].fields[" + index + "]";
    }

    private static Map<String, TypeModel> byKey(List<TypeModel> types) {
        return types.stream().sorted(Comparator.comparing(TypeModel::key))
                .collect(Collectors.toMap(TypeModel::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private record Pair(FieldModel before, FieldModel after) {
    }

    /**
     * The fields of a kept type: pairs of applied and new fields (same key, or a declared rename of
     * an applied field no other new field keeps), applied fields dropped, new fields added.
     */
    private record Matching(TypeModel before, TypeModel after, List<Pair> pairs, List<FieldModel> dropped,
                            List<FieldModel> added) {

        static Matching of(TypeModel before, TypeModel after) {
            Map<String, FieldModel> applied = new HashMap<>();
            before.fields().forEach(f -> applied.put(f.key(), f));
            Set<String> claimed = new HashSet<>();
            after.fields().stream().filter(f -> applied.containsKey(f.key())).forEach(f -> claimed.add(f.key()));
            List<Pair> pairs = new ArrayList<>();
            List<FieldModel> added = new ArrayList<>();
            for (FieldModel field : after.fields()) {
                if (applied.containsKey(field.key())) {
                    pairs.add(new Pair(applied.get(field.key()), field));
                } else if (field.previousKey() != null && applied.containsKey(field.previousKey())
                        && claimed.add(field.previousKey())) {
                    pairs.add(new Pair(applied.get(field.previousKey()), field));
                } else {
                    added.add(field);
                }
            }
            List<FieldModel> dropped = before.fields().stream().filter(f -> !claimed.contains(f.key())).toList();
            return new Matching(before, after, pairs, dropped, added);
        }
    }
}
