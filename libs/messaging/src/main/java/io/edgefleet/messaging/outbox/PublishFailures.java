package io.edgefleet.messaging.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which failures to publish an event are permanent: the same record would be refused again
 * however often it is sent. Authorization and connection problems are not: they are the
 * cluster's, fixed there, and parking every event meanwhile would be wrong.
 */
final class PublishFailures {

    private PublishFailures() {
    }

    static boolean isPermanent(Throwable error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException;
    }
}
