package io.edgefleet.messaging.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.text.Excerpt;
import io.edgefleet.messaging.tx.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads this service's dead letters for an admin: those of the caller's organization and those
 * whose record named none (undecodable ones), newest first, in keyset pages.
 */
@ApplicationScoped
public class DeadLetterStore {

    private static final String COLUMNS = "id, consumer, topic, record_partition, record_offset, org_id, record_key, "
            + "record_value, CAST(headers AS text), error_code, reason, dead_lettered_at, replayed_at, replayed_by, replay_outcome";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetterStore(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** One kept record header, its value as sent. */
    public record Header(String name, byte[] value) {
    }

    /** A dead letter as stored. */
    public record DeadLetter(UUID id, String consumer, String topic, int partition, long offset, String orgId, String key,
                             byte[] value, List<Header> headers, String errorCode, String reason, OffsetDateTime deadLetteredAt,
                             OffsetDateTime replayedAt, String replayedBy, String replayOutcome) {
    }

    /** Newest first; {@code after} is the id of the previous page's last item, or null. */
    @Transactional
    public List<DeadLetter> page(String org, String consumer, UUID after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM dead_letter WHERE (org_id = :org OR org_id IS NULL)"
                + (consumer == null ? "" : " AND consumer = :consumer")
                + (after == null ? "" : " AND (dead_lettered_at, id) < (SELECT dead_lettered_at, id FROM dead_letter WHERE id = :after)")
                + " ORDER BY dead_lettered_at DESC, id DESC LIMIT :limit";
        var query = entityManager.createNativeQuery(sql).setParameter("org", org).setParameter("limit", limit);
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::row).toList();
    }

    @Transactional
    public Optional<DeadLetter> find(String org, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM dead_letter WHERE id = :id AND (org_id = :org OR org_id IS NULL)")
                .setParameter("id", id).setParameter("org", org).getResultList();
        return rows.stream().findFirst().map(this::row);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markReplayed(UUID id, String by, String outcome) {
        entityManager.createNativeQuery("UPDATE dead_letter SET replayed_at = :at, replayed_by = :by, replay_outcome = :outcome "
                        + "WHERE id = :id")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("by", by)
                .setParameter("outcome", Excerpt.of(outcome, DeadLetters.MAX_REASON)).setParameter("id", id).executeUpdate();
    }

    private DeadLetter row(Object[] r) {
        return new DeadLetter((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).longValue(),
                (String) r[5], (String) r[6], (byte[]) r[7], headers((String) r[8]), (String) r[9], (String) r[10],
                SqlValues.offsetDateTime(r[11]), SqlValues.offsetDateTime(r[12]), (String) r[13], (String) r[14]);
    }

    private List<Header> headers(String jsonText) {
        try {
            List<Header> headers = new ArrayList<>();
            for (JsonNode h : json.readTree(jsonText)) {
                headers.add(new Header(h.path("name").asText(), Base64.getDecoder().decode(h.path("value").asText())));
            }
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead_letter.headers is not JSON", e);
        }
    }
}
