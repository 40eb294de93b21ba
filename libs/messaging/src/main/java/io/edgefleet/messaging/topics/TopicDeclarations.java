package io.edgefleet.messaging.topics;

import io.edgefleet.events.Topics;
import io.edgefleet.messaging.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates at start every topic the platform uses and the dead-letter topic of each of this
 * service's consumers ({@code <topic>.<service>.dlq}), so an integrator can subscribe before the
 * first event (a topic auto-created on first use also gets the broker's default partitions).
 * Runs in the background and retries while Kafka is away; it never delays start. Production
 * clusters declare topics as resources instead (deploy/) and turn it off.
 */
@ApplicationScoped
public class TopicDeclarations {

    private static final Logger LOG = Logger.getLogger(TopicDeclarations.class);

    private final TopicsConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Config mpConfig;
    private final String service;
    private ExecutorService worker;

    public TopicDeclarations(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                             Config mpConfig, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.mpConfig = mpConfig;
        this.service = service;
    }

    void start(@Observes StartupEvent started) {
        if (!config.createAtStart()) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "edgefleet-topic-declarations"));
        worker.execute(this::declareUntilDone);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** The topics this service declares: every platform topic and its own consumers' dead-letter topics. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        for (String name : mpConfig.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                mpConfig.getOptionalValue(name, String.class)
                        .ifPresent(topic -> topics.add(Topics.deadLetterOf(topic, service)));
            }
        }
        return topics;
    }

    private void declareUntilDone() {
        for (int attempt = 1; !Thread.currentThread().isInterrupted(); attempt++) {
            try (Admin admin = Admin.create(adminSettings())) {
                declare(admin);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("topics not declared yet (attempt %d): %s", attempt, e);
                try {
                    TimeUnit.SECONDS.sleep(Math.min(30, attempt * 2L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void declare(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        compact(admin, existing);
        List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t))
                .map(this::newTopic).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // another service created one meanwhile: check again
            declare(admin);
            return;
        }
        LOG.infof("declared %d topics", missing.size());
    }

    /**
     * A compacted topic that already exists (auto-created by a consumer that subscribed first,
     * or declared by an older version) is switched to compaction: without it, retention would
     * delete the states a rebuild needs.
     */
    private void compact(Admin admin, Set<String> existing) throws Exception {
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
        for (String topic : Topics.COMPACTED) {
            if (!existing.contains(topic)) {
                continue;
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
                changes.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
            LOG.infof("switched %s to compaction", changes.keySet());
        }
    }

    private NewTopic newTopic(String name) {
        NewTopic topic = new NewTopic(name, config.partitions(), config.replicationFactor());
        return Topics.COMPACTED.contains(name) ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT)) : topic;
    }

    private Map<String, Object> adminSettings() {
        return KafkaClients.settings(kafkaConfig, AdminClientConfig.configNames(), service + "-topic-declarations");
    }
}
