package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.plinth.contracts.viewservice.v1.AppServiceGrpc;
import io.plinth.contracts.viewservice.v1.GetAppRequest;
import io.plinth.systemtests.support.GrpcAuth;
import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service in split mode honours the platform contracts: health, metrics, gRPC, schemas. */
@Order(1)
@ExtendWith(PlatformExtension.class)
class SplitModeContractsTest {

    private static TestInfrastructure infra;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void hcReportsEveryCheckByNameAndIsUp(Service service) {
        HttpResponse<String> response = Http.anonymous().get(service.splitUrl() + "/hc");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject health = Http.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("service")).isEqualTo(service.serviceName);
        List<String> names = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .peek(check -> assertThat(check.getString("status")).as(check.toString()).isEqualTo("UP"))
                .map(check -> check.getString("name"))
                .toList();
        if (service.hasInfrastructure()) {
            assertThat(names).contains("postgresql", "redis", "rabbitmq", "outbox", "grpc");
        } else {
            assertThat(names).doesNotContain("postgresql", "redis", "rabbitmq").isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void livenessIsShortAndUp(Service service) {
        HttpResponse<String> response = Http.anonymous().get(service.splitUrl() + "/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject liveness = Http.json(response);
        assertThat(liveness.getString("status")).isEqualTo("UP");
        assertThat(liveness.containsKey("checks")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void metricsArePrometheusTextWithJvmAndHttpSeries(Service service) {
        Http.anonymous().get(service.splitUrl() + "/hc");
        HttpResponse<String> response = Http.anonymous().get(service.splitUrl() + "/metrics");

        if (!service.hasInfrastructure()) {
            assertThat(response.statusCode()).as("web-studio publishes no metrics").isEqualTo(404);
            return;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE ")
                .containsPattern("(?m)^jvm_uptime_seconds")
                .containsPattern("(?m)^memory_usedHeap_bytes|^jvm_memory")
                .containsPattern("(?m)^http_server_request_duration_seconds_count\\{.*\\} [0-9.]+")
                .containsPattern("(?m)^connectionpool_");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void grpcHealthIsServingOnThePrivatePort(Service service) {
        assumeTrue(service.grpcPort > 0, "web-studio has no private API");
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", service.grpcPort).usePlaintext().build();
        try {
            var status = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().build()).getStatus();
            assertThat(status).isEqualTo(ServingStatus.SERVING);
        } finally {
            channel.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void ownSchemasExistWithTheirLiquibaseHistory(Service service) throws Exception {
        assumeTrue(service.hasInfrastructure(), "web-studio has no database");
        try (Connection db = infra.database()) {
            for (String schema : service.schemas) {
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
                    query.setString(1, schema);
                    ResultSet rows = query.executeQuery();
                    rows.next();
                    assertThat(rows.getInt(1)).as("schema %s", schema).isEqualTo(1);
                }
            }
            String primary = service.schemas.get(0);
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT id FROM \"" + primary + "\".databasechangelog ORDER BY orderexecuted")) {
                ResultSet rows = query.executeQuery();
                List<String> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                assertThat(ids).as("changesets of %s", service.serviceName).contains("kernel-bus-1").hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void restCreatesAndGrpcReadsAnApp() {
        HttpResponse<String> created = Http.postJson(Service.VIEW_SERVICE.splitUrl() + "/api/apps",
                "{\"key\":\"grpc-read\",\"name\":\"Read over gRPC\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", Service.VIEW_SERVICE.grpcPort)
                .usePlaintext().build();
        try {
            var apps = AppServiceGrpc.newBlockingStub(channel).withInterceptors(GrpcAuth.admin())
                    .withDeadlineAfter(5, TimeUnit.SECONDS);
            var app = apps.getApp(GetAppRequest.newBuilder().setKey("grpc-read").build());
            assertThat(app.getName()).isEqualTo("Read over gRPC");
            assertThat(app.getId()).isEqualTo(Http.json(created).getString("id"));

            StatusRuntimeException missing = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> apps.getApp(GetAppRequest.newBuilder().setKey("no-such-app").build()));
            assertThat(missing.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void badInputIsAProblemWithFieldPathsNotAStackTrace() {
        HttpResponse<String> invalid = Http.postJson(Service.VIEW_SERVICE.splitUrl() + "/api/apps",
                "{\"key\":\"Not A Key\",\"name\":\"\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = Http.json(invalid);
        assertThat(problem.getString("code")).isEqualTo("validation-failed");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field")).containsExactly("key", "name");

        HttpResponse<String> malformed = Http.postJson(Service.VIEW_SERVICE.splitUrl() + "/api/apps", "{\"key\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Http.json(malformed).getString("code")).isEqualTo("malformed-body");
        assertThat(malformed.body()).doesNotContain("Exception", "at io.");

        HttpResponse<String> missing = Http.admin().get(Service.VIEW_SERVICE.splitUrl() + "/api/apps/does-not-exist");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("code")).isNotEqualTo(JsonValue.NULL);
    }
}
