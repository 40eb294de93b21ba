package io.edgefleet.messaging.cloudevents;

/**
 * A message that can never be processed, however often it is retried: it goes to the
 * dead-letter topic at once, with this message as the reason, and consumption continues.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
