package io.edgefleet.messaging.cloudevents;

/**
 * A message that can never be processed, however often it is retried: it is dead-lettered at
 * once with {@link #code()} (the stable error code REST would give for the same mistake) and
 * this message as the reason, and consumption continues.
 */
public class PoisonEventException extends RuntimeException {

    /** Code of a record that is not a readable CloudEvent at all. */
    public static final String INVALID_CLOUD_EVENT = "INVALID_CLOUD_EVENT";
    /** Code of a CloudEvent whose data does not match its type's contract. */
    public static final String INVALID_EVENT_DATA = "INVALID_EVENT_DATA";

    private final String code;

    public PoisonEventException(String reason) {
        this(INVALID_EVENT_DATA, reason);
    }

    public PoisonEventException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
