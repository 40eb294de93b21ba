package io.edgefleet.gitops.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.gitops.configuration.ConfigurationSpec;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Kustomization;
import io.edgefleet.gitops.configuration.SourceCredentials;
import io.edgefleet.gitops.delivery.DesiredConfigurations.DeliveredConfiguration;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.projection.read.ProjectedDocuments.Document;
import io.edgefleet.projection.read.ProjectedGroups;
import io.edgefleet.projection.read.ScopeMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which configurations a machine's cluster is to hold, from the configurations' targets and the
 * inventory projection. The fingerprint is taken without credentials (a credential change moves
 * the configuration's version), so telling devices of a change never opens a secret.
 */
@ApplicationScoped
public class DesiredSets {

    private final EntityManager entityManager;
    private final ProjectedDocuments documents;
    private final ProjectedGroups groups;
    private final SourceCredentials credentials;
    /** Maps in key order: the same set has the same fingerprint on every replica and after every restart. */
    private final ObjectMapper canonical;

    public DesiredSets(EntityManager entityManager, ProjectedDocuments documents, ProjectedGroups groups,
                       SourceCredentials credentials, ObjectMapper json) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.groups = groups;
        this.credentials = credentials;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** One machine's desired set and what it was computed from. */
    public record Desired(Document device, TargetCluster cluster, List<Configuration> assigned, DesiredConfigurations set) {
    }

    /** Every configuration of the organization, by name. */
    public List<Configuration> configurations(String orgId) {
        return entityManager.createQuery("FROM Configuration c WHERE c.orgId = :org ORDER BY c.name", Configuration.class)
                .setParameter("org", orgId).getResultList();
    }

    /**
     * @param deviceId inventory's id or the enrolled identity's
     * @param withCredentials open the sources' credentials (only for the device itself)
     * @return empty while the device is not projected (or decommissioned)
     */
    public Optional<Desired> of(String orgId, UUID deviceId, List<Configuration> configurations, boolean withCredentials) {
        Optional<Document> device = documents.of(orgId, deviceId);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        String clusterId = device.get().state().clusterId();
        List<Document> machines = clusterId == null ? List.of()
                : documents.of(orgId, documents.machinesOf(orgId, UUID.fromString(clusterId)));
        TargetCluster cluster = TargetCluster.of(device.get(), machines);
        ScopeMatcher scope = new ScopeMatcher(groups, orgId);
        List<Configuration> assigned = configurations.stream().filter(c -> cluster.targetedBy(c.spec.target(), scope)).toList();
        boolean applies = cluster.appliedBy(device.get().deviceId());
        List<DeliveredConfiguration> delivered = applies ? assigned.stream().map(c -> delivered(c, cluster.labels())).toList() : List.of();
        String fingerprint = fingerprint(cluster.clusterId(), applies, delivered);
        List<DeliveredConfiguration> shown = withCredentials ? withCredentials(delivered, assigned) : delivered;
        return Optional.of(new Desired(device.get(), cluster, assigned,
                new DesiredConfigurations(fingerprint, cluster.clusterId(), applies, shown)));
    }

    private static DeliveredConfiguration delivered(Configuration c, Map<String, String> labels) {
        List<String> missing = new ArrayList<>();
        List<Kustomization> kustomizations = c.spec.kustomizations().stream().map(k -> resolved(k, labels, missing)).toList();
        return new DeliveredConfiguration(c.id, c.name, Versions.text(c.version), c.spec.scope(), c.spec.namespace(),
                Boolean.TRUE.equals(c.spec.suspend()), c.spec.source(), kustomizations, missing.stream().distinct().toList());
    }

    /** Literal substitutions, then those taken from the cluster's labels; a label it lacks is named, not guessed. */
    private static Kustomization resolved(Kustomization k, Map<String, String> labels, List<String> missing) {
        Map<String, String> substitute = new LinkedHashMap<>(k.substitute());
        k.substituteFromLabels().forEach((variable, label) -> {
            if (labels.containsKey(label)) {
                substitute.put(variable, labels.get(label));
            } else {
                missing.add(label);
            }
        });
        return new Kustomization(k.name(), k.path(), k.dependsOn(), k.interval(), k.retryInterval(), k.timeout(), k.prune(),
                k.force(), k.waitForReady(), substitute, Map.of());
    }

    private List<DeliveredConfiguration> withCredentials(List<DeliveredConfiguration> delivered, List<Configuration> assigned) {
        Map<UUID, Configuration> byId = new LinkedHashMap<>();
        assigned.forEach(c -> byId.put(c.id, c));
        return delivered.stream().map(d -> {
            ConfigurationSpec.Source s = d.source();
            ConfigurationSpec.Source opened = new ConfigurationSpec.Source(s.kind(), s.url(), s.ref(), s.interval(), s.timeout(),
                    credentials.open(byId.get(d.id())));
            return new DeliveredConfiguration(d.id(), d.name(), d.resourceVersion(), d.scope(), d.namespace(), d.suspend(), opened,
                    d.kustomizations(), d.missingLabels());
        }).toList();
    }

    private record Fingerprinted(UUID cluster, boolean applies, List<DeliveredConfiguration> set) {
    }

    private String fingerprint(UUID clusterId, boolean applies, List<DeliveredConfiguration> delivered) {
        try {
            byte[] text = canonical.writeValueAsBytes(new Fingerprinted(clusterId, applies, delivered));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("fingerprint of a desired set", e);
        }
    }
}
