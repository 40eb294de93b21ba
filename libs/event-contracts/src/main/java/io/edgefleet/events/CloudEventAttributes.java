package io.edgefleet.events;

/**
 * CloudEvents 1.0 over Kafka, binary content mode: attributes travel as {@code ce_*} headers,
 * the JSON data is the record value and the record key is the subject (device or cluster id).
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_PREFIX = "ce_";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the organization (tenant) that owns the subject. */
    public static final String ORG = "ce_orgid";
    /** Optional: the data's media type when another system sets it instead of {@code content-type}. */
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    /** The {@code $id} of the data's JSON Schema. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /**
     * CloudEvents distributed-tracing extension: the W3C trace context of the request that caused
     * the event, so a consumer's span joins its trace. Optional; at most {@link #TRACE_STATE_MAX} characters.
     */
    public static final String TRACE_PARENT = "ce_traceparent";
    public static final String TRACE_STATE = "ce_tracestate";
    public static final int TRACE_STATE_MAX = 512;
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventAttributes() {
    }
}
