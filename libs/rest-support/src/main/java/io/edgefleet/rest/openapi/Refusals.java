package io.edgefleet.rest.openapi;

/**
 * The wording of the error responses an operation declares itself ({@code @APIResponse}); their
 * problem+json content is added by {@link ApiConventions}, like the refusals every operation has.
 */
public final class Refusals {

    public static final String CONFLICT =
            "Conflicts with the resource's current state or with another resource (the code says which).";
    public static final String PRECONDITION_FAILED = "If-Match names a version the resource no longer has (PRECONDITION_FAILED).";
    public static final String TOO_LARGE = "The body is larger than allowed (BODY_TOO_LARGE, BATCH_TOO_LARGE).";
    public static final String POLICY_DENIED = "A deny policy assignment forbids this change (POLICY_DENIED): the detail names the "
            + "policy, the assignment and the reason; nothing was stored.";
    public static final String UNPROCESSABLE = "Well-formed, but breaks a domain rule (the code says which; errors[] names the fields).";
    public static final String RATE_LIMITED = "Too many requests from this address or device (RATE_LIMITED): retry after "
            + "the Retry-After header's seconds.";
    public static final String UNAVAILABLE = "Kafka cannot take the batch right now: retry later (INGEST_UNAVAILABLE).";

    private Refusals() {
    }
}
