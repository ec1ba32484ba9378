package io.plinth.catalogs.records;

import io.plinth.catalogs.access.FieldValues;
import io.plinth.catalogs.access.Operation;
import io.plinth.catalogs.access.TypeAccess;
import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, updates and deletes one record in the session's transaction, under the row policies:
 * system columns set here (who, when, owner = creator, tenant, the partition value), the version
 * checked and counted up, references checked against the records the caller can see, then the
 * history row and the event, so the change, its history and its announcement commit together.
 */
final class RecordWriter {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final RecordSession session;
    private final Connection connection;

    RecordWriter(RecordSession session) {
        this.session = session;
        this.connection = session.connection();
    }

    JsonObject create(TypeModel type, TypeAccess access, RecordInput input, String path) throws SQLException {
        forbiddenIfAny(input.notWritable(type, access, Operation.CREATE, null, path));
        checkReferences(type, input, path);
        String actor = actor();
        Map<String, String> columns = new LinkedHashMap<>();
        List<Object> values = new ArrayList<>();
        if (input.id != null) {
            column(columns, values, "id", "CAST(? AS uuid)", input.id);
        }
        column(columns, values, "created_by", "?", actor);
        column(columns, values, "updated_by", "?", actor);
        column(columns, values, "owner", "CAST(? AS uuid)", ownerOf(actor));
        column(columns, values, "tenant", "?", session.caller().tenant() == null ? "" : session.caller().tenant());
        if (type.securityPartition() != null) {
            column(columns, values, "partition", "?", partition(type, input, path));
        }
        fieldColumns(type, input, columns, values);
        UUID id;
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO "
                + session.names().table(type.key()) + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                + String.join(", ", columns.values()) + ") RETURNING id")) {
            bind(statement, values);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                id = row.getObject(1, UUID.class);
            }
            for (Map.Entry<String, List<UUID>> links : input.links.entrySet()) {
                addLinks(type, links.getKey(), id, links.getValue());
            }
        } catch (SQLException e) {
            throw SqlProblems.of(e, type, path);
        }
        JsonObject after = session.readAll(type, id, false).orElseThrow();
        changed(type, id, RecordEvents.CREATED, "created", null, after);
        return after;
    }

    JsonObject update(TypeModel type, TypeAccess access, UUID id, RecordInput input, Long ifMatch, String path)
            throws SQLException {
        JsonObject before = session.readAll(type, id, true).orElse(null);
        if (before == null) {
            if (session.readAll(type, id, false).isPresent()) {
                throw new ProblemException(Problem.of(403, "record-not-writable", "Not allowed",
                        "The access rules do not let you update this " + type.key() + " record"));
            }
            throw ProblemException.notFound("Record of type '" + type.key() + "'", id.toString());
        }
        long version = before.getJsonNumber("version").longValue();
        checkVersion(version, input.version, ifMatch);
        forbiddenIfAny(input.notWritable(type, access, Operation.UPDATE, before, path));
        RecordSession.invalidIfAny(input.missing(type, path));
        input.values.entrySet().removeIf(e -> before.getOrDefault(e.getKey(), JsonValue.NULL)
                .equals(RecordInput.json(type.field(e.getKey()).orElseThrow(), e.getValue())));
        input.links.entrySet().removeIf(e -> before.getOrDefault(e.getKey(), JsonValue.EMPTY_JSON_ARRAY)
                .equals(Json.createArrayBuilder(e.getValue().stream().map(UUID::toString).toList()).build()));
        if (input.values.isEmpty() && input.links.isEmpty()) {
            return before;
        }
        checkReferences(type, input, path);
        Map<String, String> columns = new LinkedHashMap<>();
        List<Object> values = new ArrayList<>();
        fieldColumns(type, input, columns, values);
        if (type.securityPartition() != null && input.values.containsKey(type.securityPartition())) {
            column(columns, values, "partition", "?", partition(type, input, path));
        }
        column(columns, values, "updated_by", "?", actor());
        StringBuilder sql = new StringBuilder("UPDATE ").append(session.names().table(type.key()))
                .append(" SET version = version + 1, updated_at = now()");
        columns.forEach((column, parameter) -> sql.append(", ").append(column).append(" = ").append(parameter));
        sql.append(" WHERE id = ? RETURNING version");
        values.add(id);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, values);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
            }
            for (Map.Entry<String, List<UUID>> links : input.links.entrySet()) {
                replaceLinks(type, links.getKey(), id, links.getValue());
            }
        } catch (SQLException e) {
            throw SqlProblems.of(e, type, path);
        }
        JsonObject after = session.readAll(type, id, false).orElseThrow();
        changed(type, id, RecordEvents.UPDATED, "updated", before, after);
        return after;
    }

    /** Answers the record as it was. */
    JsonObject delete(TypeModel type, UUID id, Long version, Long ifMatch) throws SQLException {
        JsonObject before = session.readAll(type, id, false)
                .orElseThrow(() -> ProblemException.notFound("Record of type '" + type.key() + "'", id.toString()));
        long current = before.getJsonNumber("version").longValue();
        checkVersion(current, version, ifMatch);
        int deleted;
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
                + session.names().table(type.key()) + " WHERE id = ? AND version = ?")) {
            statement.setObject(1, id);
            statement.setLong(2, current);
            deleted = statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlProblems.of(e, type, "");
        }
        if (deleted == 0) {
            Optional<JsonObject> now = session.readAll(type, id, false);
            if (now.isEmpty()) {
                throw ProblemException.notFound("Record of type '" + type.key() + "'", id.toString());
            }
            if (now.get().getJsonNumber("version").longValue() != current) {
                throw versionConflict(current, now.get().getJsonNumber("version").longValue());
            }
            throw new ProblemException(Problem.of(403, "record-not-deletable", "Not allowed",
                    "The access rules do not let you delete this " + type.key() + " record"));
        }
        changed(type, id, RecordEvents.DELETED, "deleted", before, null);
        return before;
    }

    /** History and event of a change; the event names the changed fields, never their values. */
    private void changed(TypeModel type, UUID id, String event, String operation, JsonObject before,
                         JsonObject after) throws SQLException {
        List<String> changed = RecordHistory.changed(type.fields().stream().map(FieldModel::key).toList(), before,
                after);
        long version = (after != null ? after : before).getJsonNumber("version").longValue();
        RecordHistory.write(connection, session.model().app(), type.key(), id, version, operation, actor(), changed,
                before, after);
        session.events().publish(event, Json.createObjectBuilder()
                .add("app", session.model().app())
                .add("type", type.key())
                .add("id", id.toString())
                .add("version", version)
                .add("changed", Json.createArrayBuilder(changed))
                .build());
    }

    private static void checkVersion(long current, Long expected, Long ifMatch) {
        if (ifMatch != null && ifMatch != current) {
            throw new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed",
                    "The record is at version " + current + ", not " + ifMatch + " (If-Match): read it again"));
        }
        if (expected != null && expected != current) {
            throw versionConflict(expected, current);
        }
    }

    private static ProblemException versionConflict(long expected, long current) {
        return new ProblemException(new Problem(409, "version-conflict", "Conflict", "The record is at version "
                + current + ", not " + expected + ": someone changed it meanwhile; read it again",
                List.of(new FieldError("version", "is " + current + " now"))));
    }

    /** Every reference given must name a record the caller can see: the target's row policies decide. */
    private void checkReferences(TypeModel type, RecordInput input, String path) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        for (FieldModel field : type.fields()) {
            List<UUID> ids = new ArrayList<>();
            if (field.referenceOne() && input.values.get(field.key()) instanceof UUID id) {
                ids.add(id);
            } else if (field.many() && input.links.containsKey(field.key())) {
                ids.addAll(input.links.get(field.key()));
            }
            if (ids.isEmpty()) {
                continue;
            }
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM "
                    + session.names().table(field.reference().type()) + " WHERE id = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getObject(1, UUID.class));
                    }
                }
            }
            ids.stream().filter(id -> !found.contains(id)).forEach(id -> errors.add(new FieldError(path + field.key(),
                    "names no " + field.reference().type() + " record '" + id + "'")));
        }
        RecordSession.invalidIfAny(errors);
    }

    /**
     * Links name the partitions of their ends when those are partitioned, read from the rows
     * themselves (checkReferences has made sure the caller sees every target); links between
     * unpartitioned types need no read.
     */
    private void addLinks(TypeModel type, String field, UUID source, List<UUID> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        TypeModel target = session.model().type(type.field(field).orElseThrow().reference().type());
        boolean sourcePartitioned = type.securityPartition() != null;
        boolean targetPartitioned = target.securityPartition() != null;
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO "
                + session.names().linkTable(type.key(), field) + " (source, target"
                + (sourcePartitioned ? ", source_partition" : "") + (targetPartitioned ? ", target_partition" : "")
                + ") SELECT CAST(? AS uuid), t.id"
                + (sourcePartitioned ? ", (SELECT s.partition FROM " + session.names().table(type.key())
                        + " s WHERE s.id = CAST(? AS uuid))" : "")
                + (targetPartitioned ? ", t.partition FROM " + session.names().table(target.key())
                        + " t WHERE t.id = ANY (?)" : " FROM unnest(?) AS t(id)")
                + " ON CONFLICT DO NOTHING")) {
            int parameter = 1;
            statement.setObject(parameter++, source);
            if (sourcePartitioned) {
                statement.setObject(parameter++, source);
            }
            statement.setArray(parameter, uuids(targets));
            statement.executeUpdate();
        }
    }

    /** The links the caller can see become {@code targets}; links to records the caller cannot see stay. */
    private void replaceLinks(TypeModel type, String field, UUID source, List<UUID> targets) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM "
                + session.names().linkTable(type.key(), field) + " WHERE source = ? AND NOT (target = ANY (?))")) {
            statement.setObject(1, source);
            statement.setArray(2, uuids(targets));
            statement.executeUpdate();
        }
        addLinks(type, field, source, targets);
    }

    private Array uuids(List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private String actor() {
        return session.caller().userId();
    }

    private static UUID ownerOf(String actor) {
        return actor != null && UUID_TEXT.matcher(actor).matches() ? UUID.fromString(actor) : null;
    }

    /** The fields' columns; a reference to a partitioned type also sets the target's partition beside its id. */
    private void fieldColumns(TypeModel type, RecordInput input, Map<String, String> columns, List<Object> values) {
        for (Map.Entry<String, Object> entry : input.values.entrySet()) {
            FieldModel field = type.field(entry.getKey()).orElseThrow();
            column(columns, values, StorageNames.quote(field.key()), FieldValues.parameter(field), entry.getValue());
            if (field.referenceOne() && session.model().type(field.reference().type()).securityPartition() != null) {
                column(columns, values, StorageNames.referencePartition(field.key()),
                        "(SELECT x.partition FROM " + session.names().table(field.reference().type())
                                + " x WHERE x.id = CAST(? AS uuid))", entry.getValue());
            }
        }
    }

    /**
     * The row's partition: the partition field's value as text, '' for none (the table's CHECK
     * says so). Its partition is created here on the first write of a value.
     */
    private String partition(TypeModel type, RecordInput input, String path) throws SQLException {
        FieldModel field = type.field(type.securityPartition()).orElseThrow();
        Object value = input.values.containsKey(field.key()) ? input.values.get(field.key())
                : field.defaultValue() == null ? null : FieldValues.parse(field, field.defaultValue());
        String partition = value == null ? "" : value.toString();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + StorageNames.ENSURE_PARTITIONS
                + "(CAST(? AS regclass), ?)")) {
            statement.setString(1, session.names().table(type.key()));
            statement.setArray(2, connection.createArrayOf("text", new Object[] {partition}));
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw SqlProblems.of(e, type, path);
        }
        return partition;
    }

    private static void column(Map<String, String> columns, List<Object> values, String column, String parameter,
                               Object value) {
        columns.put(column, parameter);
        values.add(value);
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            FieldValues.bind(statement, i + 1, values.get(i));
        }
    }

    private static void forbiddenIfAny(List<FieldError> refused) {
        if (!refused.isEmpty()) {
            throw new ProblemException(new Problem(403, "field-not-writable", "Not allowed",
                    refused.size() == 1 ? refused.get(0).field() + " " + refused.get(0).message()
                            : refused.size() + " fields cannot be written with your roles", refused));
        }
    }
}
