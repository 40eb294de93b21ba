package io.edgefleet.messaging.tracing;

/**
 * A W3C trace context as the CloudEvents distributed-tracing extension carries it; both parts
 * are null when there is none (an event raised by a scheduler outside any request).
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);
}
