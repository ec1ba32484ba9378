package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.plinth.contracts.catalogs.v1.BulkOperation;
import io.plinth.contracts.catalogs.v1.BulkRecordsReply;
import io.plinth.contracts.catalogs.v1.BulkRecordsRequest;
import io.plinth.contracts.catalogs.v1.CreateRecordRequest;
import io.plinth.contracts.catalogs.v1.DeleteRecordRequest;
import io.plinth.contracts.catalogs.v1.GetRecordRequest;
import io.plinth.contracts.catalogs.v1.QueryRecordsRequest;
import io.plinth.contracts.catalogs.v1.Record;
import io.plinth.contracts.catalogs.v1.RecordPage;
import io.plinth.contracts.catalogs.v1.RecordServiceGrpc;
import io.plinth.contracts.catalogs.v1.RecordServiceGrpc.RecordServiceBlockingStub;
import io.plinth.contracts.catalogs.v1.UpdateRecordRequest;
import io.plinth.kernel.grpc.PrivateGrpcServer;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.AccessTokens;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.InvalidTokenException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC records API on a real gRPC server on a free port, wrapped by the kernel's interceptors
 * exactly as the service's private server wraps it ({@code PrivateGrpcServer.secured}: token from the
 * {@code authorization} metadata, {@code @RequiresPermission}), running {@link Records}' code on a
 * throw-away PostgreSQL database with row-level security ({@code records/crm.json}). Only the token
 * check is replaced: tokens name test callers instead of carrying signatures.
 */
class RecordGrpcServiceTest {

    private static final String A = "00000000-0000-0000-0000-00000000000a";
    private static final String B = "00000000-0000-0000-0000-00000000000b";
    private static final Map<String, Caller> TOKENS = Map.of(
            "admin", caller("00000000-0000-0000-0000-0000000000ad", Set.of("admin"), Set.of()),
            "manager-a", caller(A, Set.of("sales-manager"), Set.of()),
            "manager-b", caller(B, Set.of("sales-manager"), Set.of()),
            "reader", new Caller("00000000-0000-0000-0000-0000000000ad", "reader", Set.of("admin"), Set.of(),
                    Set.of("catalogs:data:read"), null, "session", UUID.randomUUID().toString(),
                    Instant.now().plusSeconds(300)));

    private static RecordsDatabase db;
    private static Server server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        db = new RecordsDatabase();
        db.apply("crm", RecordsDatabase.resource("/records/crm.json"), 1);
        RecordGrpcService service = new RecordGrpcService();
        service.records = new Records() {
            @Override
            <T> T work(String app, Work<T> work) {
                try {
                    return db.as(Callers.required(), app, work::run);
                } catch (ProblemException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        AccessTokens tokens = new AccessTokens() {
            @Override
            public Caller verify(String token) throws InvalidTokenException {
                Caller caller = TOKENS.get(token);
                if (caller == null) {
                    throw new InvalidTokenException("unknown test token");
                }
                return caller;
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(PrivateGrpcServer.secured(service, tokens, Duration.ofSeconds(30)))
                .build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    private static RecordServiceBlockingStub as(String token) {
        RecordServiceBlockingStub stub = RecordServiceGrpc.newBlockingStub(channel);
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static Record create(String token, String type, String json) {
        return as(token).create(CreateRecordRequest.newBuilder().setApp("crm").setType(type).setJson(json).build());
    }

    private static String customer(String name, String manager) {
        return create("admin", "customer", "{\"name\": \"" + name + "\", \"region\": \"north\", \"manager\": \""
                + manager + "\"}").getId();
    }

    private static List<String> names(RecordPage page) {
        return page.getItemsList().stream().map(r -> json(r.getJson()).getString("name")).toList();
    }

    private static Status refused(ThrowingCallable call, Status.Code code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call is refused").isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
        return e.getStatus();
    }

    @Test
    void createGetQueryUpdateAndDeleteWithHistoryAndEvents() throws Exception {
        Record created = create("admin", "customer", "{\"name\": \"Ada\", \"region\": \"south\", \"credit\": \"12.5\"}");
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(json(created.getJson()).getString("credit")).isEqualTo("12.50");

        Record read = as("admin").get(GetRecordRequest.newBuilder().setApp("crm").setType("customer")
                .setId(created.getId()).setFields("name").build());
        assertThat(json(read.getJson()).keySet()).containsExactlyInAnyOrder("id", "version", "name");

        Record updated = as("admin").update(UpdateRecordRequest.newBuilder().setApp("crm").setType("customer")
                .setId(created.getId()).setJson("{\"credit\": \"20\"}").setExpectedVersion(1).build());
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(json(updated.getJson()).getString("name")).isEqualTo("Ada");
        assertThat(json(updated.getJson()).getString("credit")).isEqualTo("20.00");

        RecordPage page = as("admin").query(QueryRecordsRequest.newBuilder().setApp("crm").setType("customer")
                .addFilter("name:eq:Ada").setSort("-name").setFields("name,credit").setLimit(10).build());
        assertThat(page.getItemsCount()).isEqualTo(1);
        assertThat(page.getTotal()).isEqualTo(1);
        assertThat(page.getTotalExact()).isTrue();
        assertThat(page.hasNextCursor()).isFalse();
        assertThat(page.getOffset()).isZero();

        as("admin").delete(DeleteRecordRequest.newBuilder().setApp("crm").setType("customer").setId(created.getId())
                .setExpectedVersion(2).build());
        refused(() -> as("admin").get(GetRecordRequest.newBuilder().setApp("crm").setType("customer")
                .setId(created.getId()).build()), Status.Code.NOT_FOUND);

        assertThat(db.rows("SELECT version, operation FROM catalogs.record_history WHERE record_id = ?::uuid"
                + " ORDER BY version", created.getId()))
                .containsExactly(List.of("1", "created"), List.of("2", "updated"), List.of("2", "deleted"));
        assertThat(db.events.stream().filter(e -> e.data().getString("id").equals(created.getId()))
                .map(RecordsDatabase.Event::routingKey))
                .containsExactly(RecordEvents.CREATED, RecordEvents.UPDATED, RecordEvents.DELETED);
    }

    @Test
    void keysetPagesThroughGrpc() {
        for (int i = 0; i < 5; i++) {
            create("admin", "tag", "{\"label\": \"page-" + i + "\"}");
        }
        QueryRecordsRequest.Builder request = QueryRecordsRequest.newBuilder().setApp("crm").setType("tag")
                .addFilter("label:like:page-%").setSort("label").setLimit(2).setCount(false);
        RecordPage first = as("admin").query(request.build());
        RecordPage second = as("admin").query(request.setCursor(first.getNextCursor()).build());
        assertThat(first.hasTotal()).isFalse();
        assertThat(first.getItemsList().stream().map(r -> json(r.getJson()).getString("label")))
                .containsExactly("page-0", "page-1");
        assertThat(second.getItemsList().stream().map(r -> json(r.getJson()).getString("label")))
                .containsExactly("page-2", "page-3");
        assertThat(second.hasOffset()).isFalse();
    }

    @Test
    void rowSecurityHidesOtherUsersRows() {
        String ofA = customer("Of A", A);
        String ofB = customer("Of B", B);
        QueryRecordsRequest all = QueryRecordsRequest.newBuilder().setApp("crm").setType("customer")
                .addFilter("name:like:Of %").setSort("name").build();

        assertThat(names(as("admin").query(all))).containsExactly("Of A", "Of B");
        assertThat(names(as("manager-a").query(all))).containsExactly("Of A");
        assertThat(as("manager-a").query(all).getTotal()).isEqualTo(1);
        assertThat(names(as("manager-b").query(all))).containsExactly("Of B");
        refused(() -> as("manager-a").get(GetRecordRequest.newBuilder().setApp("crm").setType("customer")
                .setId(ofB).build()), Status.Code.NOT_FOUND);
        refused(() -> as("manager-a").update(UpdateRecordRequest.newBuilder().setApp("crm").setType("customer")
                .setId(ofB).setJson("{\"notes\": \"mine now\"}").build()), Status.Code.NOT_FOUND);
        // The rules: a sales manager may not delete, nor create customers.
        Status delete = refused(() -> as("manager-a").delete(DeleteRecordRequest.newBuilder().setApp("crm")
                .setType("customer").setId(ofA).build()), Status.Code.PERMISSION_DENIED);
        assertThat(delete.getDescription()).startsWith("operation-not-allowed");
        // WITH CHECK through gRPC too: manager A cannot hand a customer to manager B.
        Status handOver = refused(() -> as("manager-a").update(UpdateRecordRequest.newBuilder().setApp("crm")
                .setType("customer").setId(ofA).setJson("{\"manager\": \"" + B + "\"}").build()),
                Status.Code.PERMISSION_DENIED);
        assertThat(handOver.getDescription()).startsWith("row-not-allowed");
        // Bulk: a row outside the rules is as missing as in a single call, and nothing is kept.
        refused(() -> as("manager-a").bulk(BulkRecordsRequest.newBuilder().setApp("crm").setType("customer")
                .addOperations(BulkOperation.newBuilder().setOp("update").setId(ofA).setRecord("{\"notes\": \"x\"}"))
                .addOperations(BulkOperation.newBuilder().setOp("update").setId(ofB).setRecord("{\"notes\": \"x\"}"))
                .build()), Status.Code.NOT_FOUND);
        assertThat(json(as("admin").get(GetRecordRequest.newBuilder().setApp("crm").setType("customer").setId(ofA)
                .build()).getJson()).get("notes")).as("the bulk's first update rolled back").isEqualTo(JsonValue.NULL);
    }

    @Test
    void aStaleVersionIsAborted() {
        Record tag = create("admin", "tag", "{\"label\": \"stale\"}");
        as("admin").update(UpdateRecordRequest.newBuilder().setApp("crm").setType("tag").setId(tag.getId())
                .setJson("{\"label\": \"fresh\"}").setExpectedVersion(1).build());

        Status update = refused(() -> as("admin").update(UpdateRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setId(tag.getId()).setJson("{\"label\": \"late\"}").setExpectedVersion(1).build()), Status.Code.ABORTED);
        assertThat(update.getDescription()).isEqualTo("version-conflict: version is 2 now");
        refused(() -> as("admin").update(UpdateRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setId(tag.getId()).setJson("{\"label\": \"late\", \"version\": 1}").build()), Status.Code.ABORTED);
        refused(() -> as("admin").delete(DeleteRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setId(tag.getId()).setExpectedVersion(1).build()), Status.Code.ABORTED);
        refused(() -> as("admin").bulk(BulkRecordsRequest.newBuilder().setApp("crm").setType("tag")
                .addOperations(BulkOperation.newBuilder().setOp("delete").setId(tag.getId()).setVersion(1))
                .build()), Status.Code.ABORTED);
        JsonObject kept = json(as("admin").get(GetRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setId(tag.getId()).build()).getJson());
        assertThat(kept.getString("label")).isEqualTo("fresh");
        assertThat(kept.getInt("version")).isEqualTo(2);
    }

    @Test
    void badInputIsInvalidArgumentWithFieldPaths() throws Exception {
        Status create = refused(() -> create("admin", "customer",
                "{\"region\": \"west\", \"credit\": \"1.234\", \"colour\": 1}"), Status.Code.INVALID_ARGUMENT);
        assertThat(create.getDescription()).startsWith("validation-failed: ")
                .contains("region ", "credit ", "colour ", "name ");

        Status json = refused(() -> create("admin", "customer", "{\"name\": "), Status.Code.INVALID_ARGUMENT);
        assertThat(json.getDescription()).startsWith("validation-failed: json is not valid JSON");

        Status bulk = refused(() -> as("admin").bulk(BulkRecordsRequest.newBuilder().setApp("crm").setType("tag")
                .addOperations(BulkOperation.newBuilder().setOp("create").setRecord("{\"label\": \"ok\"}"))
                .addOperations(BulkOperation.newBuilder().setOp("create").setRecord("{\"label\": 5}"))
                .addOperations(BulkOperation.newBuilder().setOp("drop"))
                .build()), Status.Code.INVALID_ARGUMENT);
        assertThat(bulk.getDescription()).contains("operations[1].record.label ", "operations[2].op ");

        Status query = refused(() -> as("admin").query(QueryRecordsRequest.newBuilder().setApp("crm")
                .setType("customer").addFilter("name:eq:x").addFilter("pages:eq:1 OR 1=1").setLimit(0).build()),
                Status.Code.INVALID_ARGUMENT);
        assertThat(query.getDescription()).startsWith("validation-failed: filter[1] ");

        refused(() -> as("admin").get(GetRecordRequest.newBuilder().setApp("crm").setType("nothing")
                .setId(UUID.randomUUID().toString()).build()), Status.Code.NOT_FOUND);
        assertThat(db.rows("SELECT 1 FROM catalogs.\"crm__tag\" WHERE label = 'ok'")).isEmpty();
    }

    @Test
    void callersWithoutATokenOrPermissionAreRefused() throws Exception {
        GetRecordRequest get = GetRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setId(UUID.randomUUID().toString()).build();
        refused(() -> as(null).get(get), Status.Code.UNAUTHENTICATED);
        refused(() -> as("forged").get(get), Status.Code.UNAUTHENTICATED);
        refused(() -> as(null).create(CreateRecordRequest.newBuilder().setApp("crm").setType("tag")
                .setJson("{\"label\": \"anonymous\"}").build()), Status.Code.UNAUTHENTICATED);

        // "reader" has catalogs:data:read only: reads pass the permission, writes do not.
        refused(() -> as("reader").get(get), Status.Code.NOT_FOUND);
        Status write = refused(() -> create("reader", "tag", "{\"label\": \"read-only\"}"),
                Status.Code.PERMISSION_DENIED);
        assertThat(write.getDescription()).contains("catalogs:data:write");
        refused(() -> as("reader").bulk(BulkRecordsRequest.newBuilder().setApp("crm").setType("tag")
                .addOperations(BulkOperation.newBuilder().setOp("create").setRecord("{\"label\": \"x\"}")).build()),
                Status.Code.PERMISSION_DENIED);
        assertThat(db.rows("SELECT 1 FROM catalogs.\"crm__tag\" WHERE label IN ('anonymous', 'read-only', 'x')"))
                .isEmpty();
    }

    @Test
    void bulkRunsEveryOperationInOneTransaction() {
        Record tag = create("admin", "tag", "{\"label\": \"bulk-old\"}");
        BulkRecordsReply reply = as("admin").bulk(BulkRecordsRequest.newBuilder().setApp("crm").setType("tag")
                .addOperations(BulkOperation.newBuilder().setOp("create").setRecord("{\"label\": \"bulk-new\"}"))
                .addOperations(BulkOperation.newBuilder().setOp("update").setId(tag.getId())
                        .setRecord("{\"label\": \"bulk-changed\"}").setVersion(1))
                .build());
        assertThat(reply.getResultsList()).extracting(r -> r.getOp() + " " + r.getVersion())
                .containsExactly("create 1", "update 2");
        assertThat(reply.getResults(1).getId()).isEqualTo(tag.getId());
    }
}
