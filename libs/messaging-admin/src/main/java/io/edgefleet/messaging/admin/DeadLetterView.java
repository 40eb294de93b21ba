package io.edgefleet.messaging.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.text.Utf8;
import io.edgefleet.messaging.consumer.DeadLetterStore;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

/**
 * A dead letter as the API shows it. Lists carry the summary; a single one also the record:
 * key, headers and value as text when they are UTF-8, else base64 ({@code encoding} says which).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(String id, String consumer, String topic, int partition, long offset, String key,
                             String errorCode, String reason, OffsetDateTime deadLetteredAt, OffsetDateTime replayedAt,
                             String replayedBy, String replayOutcome, List<HeaderView> headers, Content value) {

    /** A record header's value. */
    public record HeaderView(String name, String value, String encoding) {
    }

    /** A record value: {@code utf-8} text or {@code base64}; {@code null} for a tombstone. */
    public record Content(String encoding, String data, int bytes) {
    }

    static DeadLetterView summary(DeadLetterStore.DeadLetter d) {
        return new DeadLetterView(d.id().toString(), d.consumer(), d.topic(), d.partition(), d.offset(), d.key(), d.errorCode(),
                d.reason(), d.deadLetteredAt(), d.replayedAt(), d.replayedBy(), d.replayOutcome(), null, null);
    }

    static DeadLetterView whole(DeadLetterStore.DeadLetter d) {
        List<HeaderView> headers = d.headers().stream().map(h -> {
            Content c = content(h.value());
            return new HeaderView(h.name(), c.data(), c.encoding());
        }).toList();
        return new DeadLetterView(d.id().toString(), d.consumer(), d.topic(), d.partition(), d.offset(), d.key(), d.errorCode(),
                d.reason(), d.deadLetteredAt(), d.replayedAt(), d.replayedBy(), d.replayOutcome(), headers,
                d.value() == null ? null : content(d.value()));
    }

    private static Content content(byte[] bytes) {
        return Utf8.decode(bytes).map(text -> new Content("utf-8", text, bytes.length))
                .orElseGet(() -> new Content("base64", Base64.getEncoder().encodeToString(bytes), bytes.length));
    }
}
