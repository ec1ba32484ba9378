package io.plinth.kernel.logs;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.logging.Tracing;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One log record as it is shipped: taken on the thread that logged it, so the trace, request and
 * caller of the work are still known. Long texts are cut so one record stays small.
 */
public record LogEntry(Instant time, String level, String logger, String message, String thread, String traceId,
                       String spanId, String requestId, String user, String exceptionClass, String exceptionMessage,
                       String stackTrace) {

    public static final int MAX_MESSAGE = 16_000;
    public static final int MAX_STACK_TRACE = 8_192;
    public static final int MAX_NAME = 300;
    private static final Formatter FORMATTER = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };
    private static final MethodHandle LIBERTY_EXTENSIONS = libertyExtensions();
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    /** The record with the context of the current thread; call it on the thread that logged. */
    public static LogEntry capture(LogRecord record) {
        String traceparent = Tracing.currentTraceparent();
        String[] ids = traceparent == null ? null : traceparent.split("-");
        String traceId = ids != null && ids.length == 4 ? ids[1] : libertyTraceId();
        String spanId = ids != null && ids.length == 4 ? ids[2] : null;
        Throwable thrown = record.getThrown();
        return new LogEntry(record.getInstant(), LogLevelNames.nameOf(record.getLevel()),
                cut(record.getLoggerName() == null ? "" : record.getLoggerName(), MAX_NAME),
                cut(message(record), MAX_MESSAGE),
                cut(Thread.currentThread().getName(), MAX_NAME),
                traceId, spanId, RequestContext.requestId(),
                Callers.current().map(Caller::login).map(login -> cut(login, MAX_NAME)).orElse(null),
                thrown == null ? null : cut(thrown.getClass().getName(), MAX_NAME),
                thrown == null || thrown.getMessage() == null ? null : cut(thrown.getMessage(), MAX_MESSAGE),
                thrown == null ? null : stackTrace(thrown));
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("time", time.toString())
                .add("level", level)
                .add("logger", logger)
                .add("message", message);
        add(json, "thread", thread);
        add(json, "traceId", traceId);
        add(json, "spanId", spanId);
        add(json, "requestId", requestId);
        add(json, "user", user);
        if (exceptionClass != null) {
            JsonObjectBuilder exception = Json.createObjectBuilder().add("class", exceptionClass);
            add(exception, "message", exceptionMessage);
            add(exception, "stackTrace", stackTrace);
            json.add("exception", exception);
        }
        return json.build();
    }

    /**
     * Reads the wire form, cutting texts to their limits and removing NUL characters (which
     * PostgreSQL cannot store).
     *
     * @throws RuntimeException when the time, level, logger or message is missing or invalid
     */
    public static LogEntry fromJson(JsonObject json) {
        String level = json.getString("level");
        if (LogLevelNames.parse(level).isEmpty()) {
            throw new IllegalArgumentException("unknown level " + level);
        }
        JsonObject exception = json.get("exception") instanceof JsonObject thrown ? thrown : null;
        return new LogEntry(Instant.parse(json.getString("time")), level.strip().toLowerCase(java.util.Locale.ROOT),
                clean(json.getString("logger"), MAX_NAME), clean(json.getString("message"), MAX_MESSAGE),
                text(json, "thread", MAX_NAME), id(json, "traceId", TRACE_ID), id(json, "spanId", SPAN_ID),
                text(json, "requestId", 64), text(json, "user", MAX_NAME),
                exception == null ? null : clean(exception.getString("class"), MAX_NAME),
                exception == null ? null : text(exception, "message", MAX_MESSAGE),
                exception == null ? null : text(exception, "stackTrace", MAX_STACK_TRACE));
    }

    static String clean(String text, int max) {
        return cut(text.indexOf('\0') < 0 ? text : text.replace("\0", ""), max);
    }

    private static String text(JsonObject json, String name, int max) {
        return json.get(name) instanceof JsonString value ? clean(value.getString(), max) : null;
    }

    private static String id(JsonObject json, String name, Pattern format) {
        return json.get(name) instanceof JsonString value && format.matcher(value.getString()).matches()
                ? value.getString() : null;
    }

    /** A rough size in bytes, to keep a batch message at a sensible size. */
    int weight() {
        return 200 + message.length() + (stackTrace == null ? 0 : stackTrace.length())
                + (exceptionMessage == null ? 0 : exceptionMessage.length());
    }

    /** The message with its parameters and resource bundle applied; the raw text if that fails. */
    private static String message(LogRecord record) {
        try {
            String formatted = FORMATTER.formatMessage(record);
            return formatted == null ? "" : formatted;
        } catch (RuntimeException e) {
            return record.getMessage() == null ? "" : record.getMessage();
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        try {
            thrown.printStackTrace(new PrintWriter(text));
        } catch (RuntimeException e) {
            return thrown.toString();
        }
        return cut(text.toString(), MAX_STACK_TRACE);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    /**
     * Without an OpenTelemetry span (the SDK is off by default) the trace id is the one the kernel
     * took from the caller's {@code traceparent} and handed to Liberty's log record context, which
     * is where the JSON console log reads {@code ext_traceId} from: the store shows the same id.
     */
    @SuppressWarnings("unchecked")
    private static String libertyTraceId() {
        if (LIBERTY_EXTENSIONS == null) {
            return null;
        }
        try {
            Map<String, String> extensions = new HashMap<>();
            LIBERTY_EXTENSIONS.invoke(extensions);
            String traceId = extensions.get("traceId");
            return traceId != null && TRACE_ID.matcher(traceId).matches() ? traceId : null;
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle libertyExtensions() {
        try {
            Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            return MethodHandles.publicLookup().findStatic(context, "getExtensions",
                    MethodType.methodType(void.class, Map.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
