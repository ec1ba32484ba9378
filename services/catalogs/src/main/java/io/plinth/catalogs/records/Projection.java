package io.plinth.catalogs.records;

import io.plinth.catalogs.access.Operation;
import io.plinth.catalogs.access.SystemFields;
import io.plinth.catalogs.access.TypeAccess;
import io.plinth.catalogs.records.RecordColumns.Column;
import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a read answers with: by default every field the caller may see; with
 * {@code fields=name,credit,customer.name} those (plus {@code id} and {@code version}, always),
 * where {@code customer.name} is a field of the record a one-reference points to, read in the
 * same statement. A field the caller may not see cannot be asked for.
 */
final class Projection {

    static final int MAX_FIELDS = 100;

    private Projection() {
    }

    static List<Column> columns(RecordSession session, TypeModel type, TypeAccess access, String fields) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String key : List.of(SystemFields.ID, SystemFields.VERSION)) {
            columns.put(key, RecordColumns.of(session.names(), type, SystemFields.find(type, key).orElseThrow()));
        }
        if (fields == null || fields.isBlank()) {
            for (FieldModel field : allFields(type)) {
                if (access.visible(field.key())) {
                    columns.putIfAbsent(field.key(), RecordColumns.of(session.names(), type, field));
                }
            }
            return List.copyOf(columns.values());
        }
        String[] keys = fields.split(",", -1);
        if (keys.length > MAX_FIELDS) {
            throw ProblemException.invalid("fields", "must name at most " + MAX_FIELDS + " fields");
        }
        for (String key : keys) {
            String trimmed = key.strip();
            if (!columns.containsKey(trimmed)) {
                columns.put(trimmed, column(session, type, access, trimmed, "fields"));
            }
        }
        return List.copyOf(columns.values());
    }

    /** One readable field by key, or {@code reference.field}; a 400 problem on {@code path} otherwise. */
    static Column column(RecordSession session, TypeModel type, TypeAccess access, String key, String path) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            FieldModel field = readable(type, access, key, path);
            return RecordColumns.of(session.names(), type, field);
        }
        FieldModel reference = readable(type, access, key.substring(0, dot), path);
        if (!reference.referenceOne()) {
            throw ProblemException.invalid(path, "'" + key.substring(0, dot) + "' is not a reference to one record");
        }
        TypeModel target = session.model().type(reference.reference().type());
        TypeAccess targetAccess = session.access(target);
        if (!targetAccess.allows(Operation.READ)) {
            throw ProblemException.invalid(path, "'" + key + "': your roles may not read " + target.key() + " records");
        }
        FieldModel field = readable(target, targetAccess, key.substring(dot + 1), path);
        if (field.many()) {
            throw ProblemException.invalid(path, "'" + key + "': a reference to many records cannot be read through"
                    + " a reference");
        }
        return RecordColumns.through(session.names(), reference, field);
    }

    static FieldModel readable(TypeModel type, TypeAccess access, String key, String path) {
        FieldModel field = SystemFields.find(type, key).orElse(null);
        if (field == null) {
            throw ProblemException.invalid(path, "'" + key + "' is not a field of type '" + type.key() + "'");
        }
        if (!access.visible(key) && !key.equals(SystemFields.ID) && !key.equals(SystemFields.VERSION)) {
            throw ProblemException.invalid(path, "'" + key + "' is not a field your roles may read");
        }
        return field;
    }

    static List<FieldModel> allFields(TypeModel type) {
        List<FieldModel> fields = new ArrayList<>(SystemFields.all());
        fields.addAll(type.fields());
        return fields;
    }
}
