package io.plinth.catalogs.records;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.catalogs.v1.BulkOperation;
import io.plinth.contracts.catalogs.v1.BulkRecordsReply;
import io.plinth.contracts.catalogs.v1.BulkRecordsRequest;
import io.plinth.contracts.catalogs.v1.BulkResult;
import io.plinth.contracts.catalogs.v1.CreateRecordRequest;
import io.plinth.contracts.catalogs.v1.DeleteRecordReply;
import io.plinth.contracts.catalogs.v1.DeleteRecordRequest;
import io.plinth.contracts.catalogs.v1.GetRecordRequest;
import io.plinth.contracts.catalogs.v1.QueryRecordsRequest;
import io.plinth.contracts.catalogs.v1.Record;
import io.plinth.contracts.catalogs.v1.RecordPage;
import io.plinth.contracts.catalogs.v1.RecordServiceGrpc;
import io.plinth.contracts.catalogs.v1.UpdateRecordRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.rest.JsonBodies;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private gRPC face of the records API ({@code plinth.catalogs.v1.RecordService}): each call
 * becomes the REST call's arguments and runs {@link Records}, so permissions, access rules,
 * row-level security, validation, history and events are the REST API's. Records travel as JSON
 * text in the REST representation; problems become statuses through {@link GrpcCalls}.
 */
@Dependent
public class RecordGrpcService extends RecordServiceGrpc.RecordServiceImplBase {

    @Inject
    Records records;

    @RequiresPermission("catalogs:data:read")
    @Override
    public void get(GetRecordRequest request, StreamObserver<Record> response) {
        GrpcCalls.unary(response, () -> record(records.get(request.getApp(), request.getType(), request.getId(),
                blankToNull(request.getFields()))));
    }

    @RequiresPermission("catalogs:data:read")
    @Override
    public void query(QueryRecordsRequest request, StreamObserver<RecordPage> response) {
        GrpcCalls.unary(response, () -> {
            JsonObject page = records.query(request.getApp(), request.getType(), parameters(request));
            RecordPage.Builder reply = RecordPage.newBuilder().setLimit(page.getInt("limit"));
            page.getJsonArray("items").forEach(item -> reply.addItems(record(item.asJsonObject())));
            if (page.containsKey("offset")) {
                reply.setOffset(page.getInt("offset"));
            }
            if (page.get("nextCursor") instanceof JsonString cursor) {
                reply.setNextCursor(cursor.getString());
            }
            if (page.get("total") instanceof JsonNumber total) {
                reply.setTotal(total.longValue()).setTotalExact(page.getBoolean("totalExact"));
            }
            return reply.build();
        });
    }

    @RequiresPermission("catalogs:data:write")
    @Override
    public void create(CreateRecordRequest request, StreamObserver<Record> response) {
        GrpcCalls.unary(response, () -> record(records.create(request.getApp(), request.getType(),
                JsonBodies.parse(request.getJson(), RecordSession.MAX_RECORD_BYTES, "json"))));
    }

    @RequiresPermission("catalogs:data:write")
    @Override
    public void update(UpdateRecordRequest request, StreamObserver<Record> response) {
        GrpcCalls.unary(response, () -> {
            JsonObject body = JsonBodies.parse(request.getJson(), RecordSession.MAX_RECORD_BYTES, "json");
            if (request.hasExpectedVersion()) {
                body = Json.createObjectBuilder(body).add("version", request.getExpectedVersion()).build();
            }
            return record(records.update(request.getApp(), request.getType(), request.getId(), body,
                    request.getReplace(), null));
        });
    }

    @RequiresPermission("catalogs:data:write")
    @Override
    public void delete(DeleteRecordRequest request, StreamObserver<DeleteRecordReply> response) {
        GrpcCalls.unary(response, () -> {
            records.delete(request.getApp(), request.getType(), request.getId(),
                    request.hasExpectedVersion() ? request.getExpectedVersion() : null, null);
            return DeleteRecordReply.getDefaultInstance();
        });
    }

    @RequiresPermission("catalogs:data:write")
    @Override
    public void bulk(BulkRecordsRequest request, StreamObserver<BulkRecordsReply> response) {
        GrpcCalls.unary(response, () -> {
            JsonArrayBuilder operations = Json.createArrayBuilder();
            for (int i = 0; i < request.getOperationsCount(); i++) {
                operations.add(operation(request.getOperations(i), "operations[" + i + "]"));
            }
            JsonObject answer = records.bulk(request.getApp(), request.getType(),
                    Json.createObjectBuilder().add("operations", operations).build());
            BulkRecordsReply.Builder reply = BulkRecordsReply.newBuilder();
            answer.getJsonArray("results").forEach(r -> {
                JsonObject result = r.asJsonObject();
                reply.addResults(BulkResult.newBuilder().setOp(result.getString("op")).setId(result.getString("id"))
                        .setVersion(result.getJsonNumber("version").longValue()));
            });
            return reply.build();
        });
    }

    /** The query parameters of the REST call, so the same checks (and error paths) apply. */
    static Map<String, List<String>> parameters(QueryRecordsRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (request.getFilterCount() > 0) {
            parameters.put("filter", List.copyOf(request.getFilterList()));
        }
        putIfGiven(parameters, "sort", request.getSort());
        putIfGiven(parameters, "fields", request.getFields());
        putIfGiven(parameters, "cursor", request.getCursor());
        if (request.hasLimit()) {
            parameters.put("limit", List.of(Integer.toString(request.getLimit())));
        }
        if (request.hasOffset()) {
            parameters.put("offset", List.of(Integer.toString(request.getOffset())));
        }
        if (request.hasCount()) {
            parameters.put("count", List.of(Boolean.toString(request.getCount())));
        }
        return parameters;
    }

    /** One operation in the REST bulk body's form: an update's version goes into its record. */
    private static JsonObject operation(BulkOperation operation, String path) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("op", operation.getOp());
        if (!operation.getId().isEmpty()) {
            json.add("id", operation.getId());
        }
        JsonObject record = operation.getRecord().isEmpty() ? null
                : JsonBodies.parse(operation.getRecord(), RecordSession.MAX_RECORD_BYTES, path + ".record");
        if (operation.hasVersion()) {
            if (operation.getOp().equals("update") && record != null) {
                record = Json.createObjectBuilder(record).add("version", operation.getVersion()).build();
            } else {
                json.add("version", operation.getVersion());
            }
        }
        json.add("record", record == null ? JsonValue.NULL : record);
        return json.build();
    }

    private static void putIfGiven(Map<String, List<String>> parameters, String name, String value) {
        if (!value.isEmpty()) {
            parameters.put(name, List.of(value));
        }
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Record record(JsonObject json) {
        return Record.newBuilder().setId(json.getString("id")).setVersion(json.getJsonNumber("version").longValue())
                .setJson(json.toString()).build();
    }
}
