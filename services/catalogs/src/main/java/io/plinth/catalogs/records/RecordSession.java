package io.plinth.catalogs.records;

import io.plinth.catalogs.access.CallerScope;
import io.plinth.catalogs.access.FieldValues;
import io.plinth.catalogs.access.Operation;
import io.plinth.catalogs.access.TypeAccess;
import io.plinth.catalogs.records.RecordColumns.Column;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The records of one app, read and written for one caller inside one transaction that the caller
 * of this class owns (the service: a JTA transaction; tests: a JDBC one). {@link #open} loads the
 * app's model as the service, then puts the rest of the transaction in the caller's scope
 * ({@link CallerScope}): from there on every statement runs under the row policies. The rules'
 * operations and field rules are checked here, before SQL.
 */
public final class RecordSession {

    public static final int MAX_BULK = 500;
    /** One record's JSON: room for a json field of {@code FieldValues.MAX_JSON} characters and the rest. */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;
    /** A bulk request of up to {@link #MAX_BULK} operations. */
    public static final int MAX_BULK_BYTES = 32 * 1024 * 1024;

    private final Connection connection;
    private final AppModel model;
    private final Caller caller;
    private final RecordEvents events;
    private final RecordWriter writer;

    private RecordSession(Connection connection, AppModel model, Caller caller, RecordEvents events) {
        this.connection = connection;
        this.model = model;
        this.caller = caller;
        this.events = events;
        this.writer = new RecordWriter(this);
    }

    public static RecordSession open(Connection connection, String app, Caller caller, RecordEvents events,
                                     ModelDocuments documents) throws SQLException {
        AppModel model = AppModel.load(connection, app, documents);
        CallerScope.enter(connection, caller);
        return new RecordSession(connection, model, caller, events);
    }

    Connection connection() {
        return connection;
    }

    AppModel model() {
        return model;
    }

    Caller caller() {
        return caller;
    }

    RecordEvents events() {
        return events;
    }

    StorageNames names() {
        return model.names();
    }

    TypeAccess access(TypeModel type) {
        return TypeAccess.of(model.rules().forType(type.key()), caller.roles());
    }

    /** The type and what the caller may do with it; a 403 when no role of the caller allows {@code operation}. */
    private TypeAccess require(TypeModel type, Operation operation) {
        TypeAccess access = access(type);
        if (!access.allows(operation)) {
            throw new ProblemException(Problem.of(403, "operation-not-allowed", "Not allowed",
                    "None of your roles may " + operation.key() + " " + type.key() + " records in app '"
                            + model.app() + "'"));
        }
        return access;
    }

    /** A record id from a path: one that is no UUID names no record. */
    static UUID recordId(String type, String id) {
        try {
            return FieldValues.uuid(id);
        } catch (FieldValues.InvalidValue e) {
            throw ProblemException.notFound("Record of type '" + type + "'", id);
        }
    }

    public JsonObject get(String typeKey, String id, String fields) throws SQLException {
        TypeModel type = model.type(typeKey);
        TypeAccess access = require(type, Operation.READ);
        List<Column> columns = Projection.columns(this, type, access, fields);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RecordColumns.select(columns)
                + " FROM " + names().table(type.key()) + " r WHERE r.id = ?")) {
            statement.setObject(1, recordId(typeKey, id));
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Record of type '" + typeKey + "'", id);
                }
                return RecordColumns.read(row, columns, 1);
            }
        }
    }

    public JsonObject create(String typeKey, JsonValue body) throws SQLException {
        TypeModel type = model.type(typeKey);
        TypeAccess access = require(type, Operation.CREATE);
        List<FieldError> errors = new ArrayList<>();
        RecordInput input = RecordInput.parse(type, body, RecordInput.Mode.CREATE, "", errors);
        invalidIfAny(errors);
        return visible(access, writer.create(type, access, input, ""));
    }

    /** PUT ({@code replace}) or PATCH; {@code ifMatch} is the version of an {@code If-Match} header, or null. */
    public JsonObject update(String typeKey, String id, JsonValue body, boolean replace, Long ifMatch)
            throws SQLException {
        TypeModel type = model.type(typeKey);
        TypeAccess access = require(type, Operation.UPDATE);
        List<FieldError> errors = new ArrayList<>();
        RecordInput input = RecordInput.parse(type, body, replace ? RecordInput.Mode.REPLACE
                : RecordInput.Mode.PATCH, "", errors);
        invalidIfAny(errors);
        return visible(access, writer.update(type, access, recordId(typeKey, id), input, ifMatch, ""));
    }

    public void delete(String typeKey, String id, Long version, Long ifMatch) throws SQLException {
        TypeModel type = model.type(typeKey);
        require(type, Operation.DELETE);
        writer.delete(type, recordId(typeKey, id), version, ifMatch);
    }

    /**
     * {@code {"operations": [{"op": "create", "record": {...}}, {"op": "update", "id": ..., "record":
     * {..., "version": 3}}, {"op": "delete", "id": ..., "version": 3}]}}: every operation or none.
     * Updates change only the fields given (as PATCH). Every body is checked before anything runs.
     */
    public JsonObject bulk(String typeKey, JsonValue body) throws SQLException {
        TypeModel type = model.type(typeKey);
        JsonArray operations = body instanceof JsonObject o && o.get("operations") instanceof JsonArray a ? a : null;
        if (operations == null || operations.isEmpty() || operations.size() > MAX_BULK) {
            throw ProblemException.invalid("operations", "must be an array of 1 to " + MAX_BULK + " operations");
        }
        List<FieldError> errors = new ArrayList<>();
        List<BulkOperation> parsed = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            parsed.add(BulkOperation.parse(type, operations.get(i), "operations[" + i + "]", errors));
        }
        invalidIfAny(errors);
        Map<Operation, TypeAccess> accesses = new EnumMap<>(Operation.class);
        for (BulkOperation operation : parsed) {
            accesses.computeIfAbsent(operation.operation(), o -> require(type, o));
        }
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (int i = 0; i < parsed.size(); i++) {
            BulkOperation operation = parsed.get(i);
            TypeAccess access = accesses.get(operation.operation());
            String path = "operations[" + i + "]";
            try {
                JsonObject record = switch (operation.operation()) {
                    case CREATE -> writer.create(type, access, operation.input(), path + ".record.");
                    case UPDATE -> writer.update(type, access, operation.id(), operation.input(), null,
                            path + ".record.");
                    default -> writer.delete(type, operation.id(), operation.version(), null);
                };
                results.add(Json.createObjectBuilder().add("op", operation.operation().key()).add("id", record.getString("id"))
                        .add("version", record.getJsonNumber("version").longValue()));
            } catch (ProblemException e) {
                Problem p = e.problem();
                throw new ProblemException(new Problem(p.status(), p.code(), p.title(), path + ": " + p.detail(),
                        p.errors().isEmpty() ? List.of(new FieldError(path, p.detail())) : p.errors()));
            }
        }
        return Json.createObjectBuilder().add("results", results).build();
    }

    public JsonObject query(String typeKey, Map<String, List<String>> parameters) throws SQLException {
        TypeModel type = model.type(typeKey);
        TypeAccess access = require(type, Operation.READ);
        return RecordQuery.parse(this, type, access, parameters).run();
    }

    /** History of a record the caller may read, newest first, without the fields the caller may not see. */
    public JsonObject history(String typeKey, String id) throws SQLException {
        get(typeKey, id, "id");
        TypeModel type = model.type(typeKey);
        TypeAccess access = access(type);
        JsonArrayBuilder items = Json.createArrayBuilder();
        try (PreparedStatement statement = connection.prepareStatement("SELECT version, operation, changed_at,"
                + " changed_by, changes::text FROM catalogs.record_history WHERE app = ? AND type = ? AND record_id = ?"
                + " ORDER BY version DESC, changed_at DESC LIMIT 500")) {
            statement.setString(1, model.app());
            statement.setString(2, typeKey);
            statement.setObject(3, recordId(typeKey, id));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    JsonObjectBuilder changes = Json.createObjectBuilder();
                    JsonObject all;
                    try (JsonReader reader = Json.createReader(new StringReader(row.getString(5)))) {
                        all = reader.readObject();
                    }
                    all.forEach((field, change) -> {
                        if (access.visible(field)) {
                            changes.add(field, change);
                        }
                    });
                    items.add(Json.createObjectBuilder().add("version", row.getLong(1))
                            .add("operation", row.getString(2))
                            .add("changedAt", row.getObject(3, OffsetDateTime.class).toInstant().toString())
                            .add("changedBy", row.getString(4)).add("changes", changes));
                }
            }
        }
        return Json.createObjectBuilder().add("items", items).build();
    }

    /** The record as the caller may see it: without the fields no role of the caller shows. */
    JsonObject visible(TypeAccess access, JsonObject full) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        full.forEach((key, value) -> {
            if (key.equals("id") || key.equals("version") || access.visible(key)) {
                json.add(key, value);
            }
        });
        return json.build();
    }

    /** Every column of the record, as stored; empty when the caller may not see it. */
    Optional<JsonObject> readAll(TypeModel type, UUID id, boolean forUpdate) throws SQLException {
        List<Column> columns = RecordColumns.all(names(), type);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RecordColumns.select(columns)
                + " FROM " + names().table(type.key()) + " r WHERE r.id = ?" + (forUpdate ? " FOR UPDATE OF r" : ""))) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(RecordColumns.read(row, columns, 1)) : Optional.empty();
            }
        }
    }

    static void invalidIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** One operation of a bulk request, checked. */
    record BulkOperation(Operation operation, UUID id, Long version, RecordInput input) {

        static BulkOperation parse(TypeModel type, JsonValue value, String path, List<FieldError> errors) {
            if (!(value instanceof JsonObject object)) {
                errors.add(new FieldError(path, "must be an object"));
                return new BulkOperation(Operation.CREATE, null, null, null);
            }
            String op = object.get("op") instanceof JsonString s ? s.getString() : null;
            Operation operation = op == null ? null : switch (op) {
                case "create" -> Operation.CREATE;
                case "update" -> Operation.UPDATE;
                case "delete" -> Operation.DELETE;
                default -> null;
            };
            if (operation == null) {
                errors.add(new FieldError(path + ".op", "must be create, update or delete"));
                return new BulkOperation(Operation.CREATE, null, null, null);
            }
            UUID id = null;
            if (operation != Operation.CREATE) {
                try {
                    id = FieldValues.uuid(object.get("id") instanceof JsonString s ? s.getString() : null);
                } catch (FieldValues.InvalidValue e) {
                    errors.add(new FieldError(path + ".id", e.getMessage()));
                }
            }
            if (operation == Operation.DELETE) {
                JsonValue version = object.get("version");
                Long expected = null;
                if (version != null && version != JsonValue.NULL) {
                    if (version instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 1) {
                        expected = n.longValue();
                    } else {
                        errors.add(new FieldError(path + ".version", "must be a whole number of at least 1"));
                    }
                }
                return new BulkOperation(operation, id, expected, null);
            }
            RecordInput input = RecordInput.parse(type, object.get("record"), operation == Operation.CREATE
                    ? RecordInput.Mode.CREATE : RecordInput.Mode.PATCH, path + ".record.", errors);
            return new BulkOperation(operation, id, null, input);
        }
    }
}
