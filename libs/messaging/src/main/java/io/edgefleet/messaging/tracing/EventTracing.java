package io.edgefleet.messaging.tracing;

import io.edgefleet.events.CloudEventAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The one way trace context crosses Kafka: captured where an event is recorded (the REST
 * request's span, stored on the outbox row), written as {@code ce_traceparent}/{@code ce_tracestate}
 * (CloudEvents distributed tracing, binary mode), and read by {@code EventConsumer}, which runs
 * the handler in a consumer span that is a child of it. The connector's own messaging
 * instrumentation is off, so a record gets one span, in the right trace.
 */
@ApplicationScoped
public class EventTracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The trace context of the work in progress, to travel with the event it records. */
    public TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** Adds the CloudEvents tracing attributes of {@code trace}, if any, to a record's headers. */
    public static void write(Headers headers, TraceContext trace) {
        if (trace.traceparent() != null) {
            headers.add(CloudEventAttributes.TRACE_PARENT, trace.traceparent().getBytes(StandardCharsets.UTF_8));
            if (trace.tracestate() != null && !trace.tracestate().isEmpty()) {
                headers.add(CloudEventAttributes.TRACE_STATE, trace.tracestate().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Runs {@code work} in a consumer span for {@code record}, child of the trace the record
     * carries (a new trace when it carries none or a malformed one); the span records a failure.
     */
    public <T> T consume(String consumer, ConsumerRecord<?, ?> record, Supplier<T> work) {
        Context parent = W3C.extract(Context.root(), record.headers(), HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** Marks the current span failed: the record was dead-lettered, not applied. */
    public static void failed(String reason) {
        Span.current().setStatus(StatusCode.ERROR, reason);
    }

    /** Reads the trace context from {@code ce_*} headers; an oversized value is treated as absent. */
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(CloudEventAttributes.HEADER_PREFIX + key);
            if (header == null || header.value() == null || header.value().length > CloudEventAttributes.TRACE_STATE_MAX) {
                return null;
            }
            return new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}
