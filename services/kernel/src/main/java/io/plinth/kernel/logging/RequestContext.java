package io.plinth.kernel.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request and trace ids of the work running on this thread. While set, every log line the
 * thread writes carries them: Liberty's JSON log adds them as {@code ext_requestId} and
 * {@code ext_traceId} through its LogRecordContext extension API.
 */
public final class RequestContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();
    private static final MethodHandle ADD_EXTENSION = liberty("addExtension",
            MethodType.methodType(void.class, String.class, String.class));
    private static final MethodHandle REMOVE_EXTENSION = liberty("removeExtension",
            MethodType.methodType(boolean.class, String.class));

    private RequestContext() {
    }

    /** Starts a context with the caller's request id when it is well-formed, a new one otherwise. */
    public static String begin(String requestedId, String traceId) {
        String requestId = requestedId != null && SAFE_ID.matcher(requestedId).matches()
                ? requestedId : UUID.randomUUID().toString();
        CURRENT.set(requestId);
        extension("requestId", requestId);
        if (traceId != null) {
            extension("traceId", traceId);
        }
        return requestId;
    }

    /** Records where the work came from (the client's IP address), for audit entries. */
    public static void client(String address) {
        if (address == null) {
            CLIENT.remove();
        } else {
            CLIENT.set(address);
        }
    }

    /** The client address of the work on this thread, or null when it did not come from a client. */
    public static String clientAddress() {
        return CLIENT.get();
    }

    public static void end() {
        CURRENT.remove();
        CLIENT.remove();
        remove("requestId");
        remove("traceId");
    }

    public static String requestId() {
        return CURRENT.get();
    }

    /** The trace id of a W3C {@code traceparent} header, or null when absent or malformed. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }

    private static void extension(String name, String value) {
        if (ADD_EXTENSION != null) {
            try {
                ADD_EXTENSION.invoke(name, value);
            } catch (Throwable ignored) {
                // Outside Liberty there is no JSON log to decorate.
            }
        }
    }

    private static void remove(String name) {
        if (REMOVE_EXTENSION != null) {
            try {
                REMOVE_EXTENSION.invoke(name);
            } catch (Throwable ignored) {
                // Outside Liberty there is no JSON log to decorate.
            }
        }
    }

    private static MethodHandle liberty(String method, MethodType type) {
        try {
            Class<?> type0 = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            return MethodHandles.publicLookup().findStatic(type0, method, type);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
