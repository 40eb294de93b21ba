package io.edgefleet.update.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.EventType;
import io.edgefleet.events.Topics;
import io.edgefleet.testsupport.EdgeFleetInfra;
import io.edgefleet.testsupport.KafkaTestClient;
import io.edgefleet.testsupport.PoisonRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays provisioning's side of the command protocol on the real broker, for one organization: it
 * reads the command requests update-service sends on fleet.commands.requests and answers each on
 * fleet.commands.status under its idempotency key, as provisioning does, with the outcome
 * {@code answer} gives ({@code succeeded}, {@code failed: why}, or null to leave it unanswered).
 * The whole path through the real provisioning-service and agents is system-tests' DevStackIT.
 */
public final class ProvisioningDouble implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as update-service sent it. */
    public record Request(String identity, String type, JsonNode payload, String key) {
    }

    private final String org;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, String> producer;
    private final Thread reader;
    private volatile Function<Request, String> answer;
    private volatile boolean open = true;

    public ProvisioningDouble(String org, Function<Request, String> answer) {
        this.org = org;
        this.answer = answer;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EdgeFleetInfra.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.reader = new Thread(this::read, "provisioning-double-" + org);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Changes how later requests are answered. */
    public void answerWith(Function<Request, String> next) {
        this.answer = next;
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> receivedBy(String identity) {
        return received.stream().filter(r -> r.identity().equals(identity)).toList();
    }

    /** Answers {@code request} now: running, then the outcome. */
    public void answer(Request request, String outcome) {
        status(request, "running", null);
        String[] parts = outcome.split(": ", 2);
        status(request, parts[0], parts.length > 1 ? parts[1] : null);
    }

    private void read() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EdgeFleetInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "provisioning-double-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.COMMAND_REQUESTS));
            while (open) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (org.equals(KafkaTestClient.header(record, "ce_orgid"))) {
                        take(record);
                    }
                }
            }
        }
    }

    private void take(ConsumerRecord<String, String> record) {
        try {
            JsonNode data = JSON.readTree(record.value());
            Request request = new Request(record.key(), data.path("type").asText(), data.path("payload"),
                    data.path("idempotencyKey").asText());
            received.add(request);
            String outcome = answer.apply(request);
            if (outcome != null) {
                answer(request, outcome);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void status(Request request, String status, String reason) {
        try {
            Map<String, Object> data = new java.util.HashMap<>(Map.of("commandId", UUID.nameUUIDFromBytes(
                    request.key().getBytes(StandardCharsets.UTF_8)).toString(), "deviceId", request.identity(), "type", request.type(),
                    "status", status, "correlationId", request.key(), "changedAt", "2026-12-03T12:00:00Z"));
            if (reason != null) {
                data.put("failureReason", reason);
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.COMMAND_STATUS, request.identity(),
                    JSON.writeValueAsString(data));
            PoisonRecords.headers(EventType.COMMAND_STATUS_CHANGED.wireName(), org, request.identity())
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("answering " + request.key() + " failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(5_000);
        producer.close();
    }
}
