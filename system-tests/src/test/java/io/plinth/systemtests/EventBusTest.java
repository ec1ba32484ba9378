package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event bus between services: view-service publishes {@code view-service.app.created} through
 * its outbox, catalogs consumes it (queue {@code catalogs.app-registry}). A test queue in the
 * run's vhost watches what really reaches the broker.
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class EventBusTest {

    private static final String APPS = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
    private static final String CATALOGS = Service.CATALOGS.splitUrl() + "/api/catalogs/";
    private static final String CONSUMER_QUEUE = "catalogs.app-registry";
    private static TestInfrastructure infra;
    private static Connection broker;
    private static Channel channel;
    private static final List<String> seenKeys = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void watchAppEvents() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        broker = infra.amqp().newConnection();
        channel = broker.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "plinth.events", "view-service.app.created");
        channel.basicConsume(queue, true, (tag, delivery) -> seenKeys.add(Json.createReader(
                new java.io.StringReader(new String(delivery.getBody(), StandardCharsets.UTF_8))).readObject()
                .getJsonObject("data").getString("key")), tag -> { });
    }

    @AfterAll
    static void closeBroker() throws Exception {
        broker.close();
    }

    @Test
    void committedEventReachesTheOtherServiceExactlyOnce() {
        assertThat(Http.postJson(APPS, "{\"key\":\"ledger\",\"name\":\"Ledger\"}").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.admin().statusOf(CATALOGS + "ledger") == 200);
        assertThat(Http.json(Http.admin().get(CATALOGS + "ledger")).getString("appName")).isEqualTo("Ledger");
        await().atMost(Duration.ofSeconds(10)).until(() -> seenKeys.contains("ledger"));
        assertThat(seenKeys.stream().filter("ledger"::equals)).hasSize(1);
        assertThat(consumerMetric("consumed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        assertThat(Http.postJson(APPS, "{\"key\":\"twice\",\"name\":\"First\"}").statusCode()).isEqualTo(201);
        assertThat(Http.postJson(APPS, "{\"key\":\"twice\",\"name\":\"Second\"}").statusCode()).isEqualTo(409);
        // The relay sends in commit order: once this later event is through, an event of the
        // rolled-back transaction would have been seen before it.
        assertThat(Http.postJson(APPS, "{\"key\":\"after-twice\",\"name\":\"Marker\"}").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> seenKeys.contains("after-twice"));
        assertThat(seenKeys.stream().filter("twice"::equals)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.admin().statusOf(CATALOGS + "after-twice") == 200);
        assertThat(Http.json(Http.admin().get(CATALOGS + "twice")).getString("appName")).isEqualTo("First");
    }

    @Test
    void duplicateDeliveryIsIgnored() throws Exception {
        long duplicatesBefore = consumerMetric("duplicates");
        String messageId = UUID.randomUUID().toString();
        byte[] event = envelope(messageId, "replayed", "Replayed");

        publishDirectly(messageId, event);
        publishDirectly(messageId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumerMetric("duplicates") == duplicatesBefore + 1);
        assertThat(Http.json(Http.admin().get(CATALOGS + "replayed")).getString("sourceEventId")).isEqualTo(messageId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                deadLetters().stream().noneMatch(m -> messageId.equals(m.getProps().getMessageId())));
    }

    @Test
    void consumerThatKeepsFailingSendsTheMessageToTheDeadLetterQueueAfterMaxAttempts() throws Exception {
        String messageId = UUID.randomUUID().toString();
        publishDirectly(messageId, envelope(messageId, "Not A Valid Key!", "Broken"));

        GetResponse dead = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters().stream()
                .filter(m -> messageId.equals(m.getProps().getMessageId())).findFirst().orElse(null), m -> m != null);

        Map<String, Object> headers = dead.getProps().getHeaders();
        assertThat(((Number) headers.get("x-plinth-attempt")).intValue()).isEqualTo(3);
        assertThat(headers.get("x-plinth-error").toString()).contains("invalid app key");
        assertThat(channel.queueDeclarePassive(CONSUMER_QUEUE).getMessageCount()).isZero();
    }

    @Test
    void outboxKeepsEventsWhileTheBrokerIsDownAndDeliversThemWhenItReturns() throws Exception {
        infra.broker.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.status(Service.VIEW_SERVICE.splitUrl() + "/hc") == 503);
            assertThat(Http.anonymous().get(Service.VIEW_SERVICE.splitUrl() + "/hc").body()).contains("\"name\":\"rabbitmq\",\"status\":\"DOWN\"");

            assertThat(Http.postJson(APPS, "{\"key\":\"offline\",\"name\":\"Created offline\"}").statusCode()).isEqualTo(201);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> pendingOutboxEvents() >= 1 && Http.admin().statusOf(CATALOGS + "offline") == 404);
        } finally {
            infra.broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.admin().statusOf(CATALOGS + "offline") == 200);
        assertThat(pendingOutboxEvents()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.status(Service.VIEW_SERVICE.splitUrl() + "/hc") == 200
                && Http.status(Service.CATALOGS.splitUrl() + "/hc") == 200);
    }

    private static byte[] envelope(String id, String appKey, String appName) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("type", "view-service.app.created")
                .add("source", "view-service")
                .add("time", Instant.now().toString())
                .add("data", Json.createObjectBuilder()
                        .add("id", UUID.randomUUID().toString())
                        .add("key", appKey)
                        .add("name", appName))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void publishDirectly(String messageId, byte[] body) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId).contentType("application/json").deliveryMode(2).build();
        channel.basicPublish("plinth.events", "view-service.app.created", properties, body);
    }

    private static List<GetResponse> deadLetters() throws Exception {
        List<GetResponse> messages = new java.util.ArrayList<>();
        try (Channel reader = broker.createChannel()) {
            GetResponse message;
            while ((message = reader.basicGet(CONSUMER_QUEUE + ".dlq", false)) != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static long pendingOutboxEvents() throws Exception {
        try (java.sql.Connection db = infra.database();
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM view_service.outbox_event WHERE published_at IS NULL")) {
            ResultSet rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long consumerMetric(String name) {
        String metrics = Http.anonymous().get(Service.CATALOGS.splitUrl() + "/metrics?scope=application").body();
        Matcher line = Pattern.compile("(?m)^plinth_bus_" + name + "_total\\{[^}]*consumer=\"" + Pattern.quote(CONSUMER_QUEUE)
                + "\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
    }
}
