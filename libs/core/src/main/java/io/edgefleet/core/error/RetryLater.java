package io.edgefleet.core.error;

/** A refusal that passes once the caller waits: answered with {@code Retry-After} (e.g. a rate limit, 429). */
public class RetryLater extends FleetException {

    private final long retryAfterSeconds;

    public RetryLater(ErrorCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
