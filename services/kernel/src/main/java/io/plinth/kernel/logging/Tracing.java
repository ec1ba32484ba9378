package io.plinth.kernel.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current OpenTelemetry trace, when MicroProfile Telemetry is active for this application.
 * With the SDK disabled (the default) there is no valid span and these return null.
 */
public final class Tracing {

    private Tracing() {
    }

    public static String currentTraceId() {
        SpanContext context = currentSpan();
        return context == null ? null : context.getTraceId();
    }

    /** The W3C traceparent of the current span, to carry the trace over the bus. */
    public static String currentTraceparent() {
        SpanContext context = currentSpan();
        if (context == null) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    private static SpanContext currentSpan() {
        try {
            SpanContext context = Span.current().getSpanContext();
            return context.isValid() ? context : null;
        } catch (LinkageError e) {
            return null;
        }
    }
}
