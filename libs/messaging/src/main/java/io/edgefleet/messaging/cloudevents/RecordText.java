package io.edgefleet.messaging.cloudevents;

import static io.edgefleet.messaging.cloudevents.PoisonEventException.INVALID_CLOUD_EVENT;

import io.edgefleet.core.text.Utf8;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed record's value and headers as text, decoded strictly: bytes that are not valid
 * UTF-8 are poison, never silently replaced (a lenient decoder would store mangled data).
 */
final class RecordText {

    private final ConsumerRecord<String, byte[]> record;

    RecordText(ConsumerRecord<String, byte[]> record) {
        this.record = record;
    }

    String value() {
        return record.value() == null ? null : utf8(record.value(), "value");
    }

    String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : utf8(header.value(), "header " + name);
    }

    private static String utf8(byte[] bytes, String what) {
        return Utf8.decode(bytes).orElseThrow(() ->
                new PoisonEventException(INVALID_CLOUD_EVENT, "record " + what + " is not valid UTF-8"));
    }
}
