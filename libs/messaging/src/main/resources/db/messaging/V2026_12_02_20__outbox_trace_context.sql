-- The W3C trace context of the work that recorded an event (CloudEvents distributed tracing),
-- published as ce_traceparent / ce_tracestate so the consumer's span continues the request's trace.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
