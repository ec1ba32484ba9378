package io.plinth.embedded;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded servers work with the clients the platform uses, and keep their data across restarts. */
class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void postgresKeepsRowsAcrossRestartsAndRecoversFromAStaleServer() throws Exception {
        Path folder = data.resolve("postgres");
        try (PostgresServer postgres = PostgresServer.start(folder, Ports.free())) {
            sql(postgres, "CREATE TABLE app (key text PRIMARY KEY)", "INSERT INTO app VALUES ('orders')");
        }
        // A killed JVM leaves postgres running with its postmaster.pid; the next start stops it this way.
        PostgresServer orphan = PostgresServer.start(folder, Ports.free());
        Path pidFile = PostgresServer.pidFile(folder);
        assertTrue(StaleServer.find(pidFile, "postgres").isPresent());
        StaleServer.stopIfRunning(pidFile, "postgres", "INT");
        assertFalse(StaleServer.find(pidFile, "postgres").isPresent());
        orphan.close(); // releases zonky's folder lock; its pg_ctl stop logs that nothing was running
        try (PostgresServer postgres = PostgresServer.start(folder, Ports.free())) {
            assertEquals("orders", query(postgres, "SELECT key FROM app"));
        }
    }

    @Test
    void redisAnswersAndKeepsKeysAcrossRestarts() throws Exception {
        Path folder = data.resolve("redis");
        try (RedisStore redis = RedisStore.start(folder, Ports.free())) {
            assertEquals("+OK", resp(redis, "SET", "plinth:test", "kept"));
        }
        try (RedisStore redis = RedisStore.start(folder, Ports.free())) {
            assertEquals("$4 kept", resp(redis, "GET", "plinth:test"));
        }
    }

    @Test
    void brokerDoesWhatTheEventBusNeeds() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start(data.resolve("amqp"), Ports.free());
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("plinth.events", BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare("catalogs.app-registry", true, false, false, null);
            channel.queueBind("catalogs.app-registry", "plinth.events", "view-service.app.*");

            channel.confirmSelect();
            for (int i = 1; i <= 3; i++) {
                channel.basicPublish("plinth.events", "view-service.app.created", persistent(), bytes("event " + i));
            }
            channel.basicPublish("plinth.events", "identity.user.created", persistent(), bytes("not bound"));
            assertTrue(channel.waitForConfirms(5000));

            Channel consumer = connection.createChannel();
            consumer.basicQos(1);
            BlockingQueue<Envelope> deliveries = new LinkedBlockingQueue<>();
            consumer.basicConsume("catalogs.app-registry", false, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    deliveries.add(envelope);
                }
            });
            Envelope first = deliveries.poll(5, TimeUnit.SECONDS);
            assertNotNull(first);
            // Prefetch 1: nothing more arrives until the first delivery is acknowledged.
            assertNull(deliveries.poll(500, TimeUnit.MILLISECONDS));
            consumer.basicAck(first.getDeliveryTag(), false);
            Envelope second = deliveries.poll(5, TimeUnit.SECONDS);
            assertNotNull(second);
            consumer.basicAck(second.getDeliveryTag(), false);
            consumer.basicAck(deliveries.poll(5, TimeUnit.SECONDS).getDeliveryTag(), false);
            assertNull(deliveries.poll(500, TimeUnit.MILLISECONDS), "only the bound routing keys arrive");
        }
    }

    @Test
    void brokerKeepsPersistentMessagesAcrossRestarts() throws Exception {
        Path folder = data.resolve("amqp");
        try (AmqpBroker broker = AmqpBroker.start(folder, Ports.free()); Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("kept", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "kept", persistent(), bytes("survives"));
            assertTrue(channel.waitForConfirms(5000));
        }
        try (AmqpBroker broker = AmqpBroker.start(folder, Ports.free()); Connection connection = connect(broker)) {
            GetResponse message = connection.createChannel().basicGet("kept", true);
            assertNotNull(message, "the durable queue and its persistent message are still there");
            assertEquals("survives", new String(message.getBody(), StandardCharsets.UTF_8));
        }
    }

    /** Why the bus dead-letters by itself (docs/events.md): this broker refuses RabbitMQ's argument. */
    @Test
    void brokerRefusesRabbitMqDeadLetterExchangeArgument() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start(data.resolve("amqp"), Ports.free())) {
            Connection connection = connect(broker);
            Channel channel = connection.createChannel();
            assertThrows(IOException.class, () -> channel.queueDeclare("with-dlx", true, false, false,
                    Map.of("x-dead-letter-exchange", "plinth.events.dlx")));
            assertFalse(connection.isOpen(), "the broker closes the whole connection");
            connection.abort();
        }
    }

    /** Nor does it drop or dead-letter a message nacked without requeue: the bus never nacks. */
    @Test
    void brokerKeepsMessagesNackedWithoutRequeue() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start(data.resolve("amqp"), Ports.free());
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("nacked", true, false, false, null);
            channel.basicPublish("", "nacked", persistent(), bytes("refused"));
            GetResponse first = awaitMessage(channel, "nacked");
            channel.basicNack(first.getEnvelope().getDeliveryTag(), false, false);
            assertNotNull(awaitMessage(channel, "nacked"), "RabbitMQ would have dropped it");
        }
    }

    private static GetResponse awaitMessage(Channel channel, String queue) throws Exception {
        for (int i = 0; i < 50; i++) {
            GetResponse message = channel.basicGet(queue, false);
            if (message != null) {
                return message;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static void sql(PostgresServer postgres, String... statements) throws Exception {
        try (java.sql.Connection connection = jdbc(postgres); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(PostgresServer postgres, String sql) throws Exception {
        try (java.sql.Connection connection = jdbc(postgres); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    private static java.sql.Connection jdbc(PostgresServer postgres) throws Exception {
        Map<String, String> env = postgres.environment();
        return DriverManager.getConnection("jdbc:postgresql://" + env.get("PLINTH_DB_HOST") + ":"
                + env.get("PLINTH_DB_PORT") + "/" + env.get("PLINTH_DB_NAME"), env.get("PLINTH_DB_USER"), "");
    }

    /** One RESP command over a plain socket; the reply's first line, plus the bulk string if there is one. */
    private static String resp(RedisStore redis, String... command) throws IOException {
        try (Socket socket = new Socket(Ports.LOOPBACK, redis.port())) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                request.append('$').append(part.length()).append("\r\n").append(part).append("\r\n");
            }
            socket.getOutputStream().write(bytes(request.toString()));
            BufferedReader reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = reply.readLine();
            return first.startsWith("$") && !first.equals("$-1") ? first + " " + reply.readLine() : first;
        }
    }

    private static Connection connect(AmqpBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        Map<String, String> env = broker.environment();
        factory.setHost(env.get("PLINTH_AMQP_HOST"));
        factory.setPort(broker.port());
        factory.setUsername(env.get("PLINTH_AMQP_USERNAME"));
        factory.setPassword(env.get("PLINTH_AMQP_PASSWORD"));
        factory.setVirtualHost(env.get("PLINTH_AMQP_VHOST"));
        // Recovery threads would outlive the test and keep reconnecting to a stopped broker.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout((int) Duration.ofSeconds(5).toMillis());
        return factory.newConnection("embedded-infra-test");
    }

    private static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("text/plain").build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
