package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster kept in memory for the simulator, shared by its machines ({@link SimulatedMachine}):
 * what is applied through any machine is in the cluster for all. As strict as a real API server
 * where it matters to commands: a document that is not YAML, or has no kind or name, fails the
 * whole apply and changes nothing.
 */
public class SimulatedCluster {

    /** The product's shapes. */
    public enum Shape {
        /** One machine, one Linux node, k3s. */
        K3S_SINGLE_MACHINE,
        /** One machine, one Linux node, k8s. */
        K8S_SINGLE_MACHINE,
        /** One machine with a Linux node and a Windows node, k8s. */
        K8S_LINUX_AND_WINDOWS,
        /** Several machines (up to 15), each with its Linux node, k8s. */
        K8S_MULTI_MACHINE
    }

    public static final int MAX_MACHINES = 15;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String name;
    private final Shape shape;
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final SimulatedFlux flux = new SimulatedFlux(Clock.systemUTC(), Duration.ofSeconds(2));

    public SimulatedCluster(String name, Shape shape) {
        this.name = name;
        this.shape = shape;
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public String distribution() {
        return shape == Shape.K3S_SINGLE_MACHINE ? "k3s" : "k8s";
    }

    /** The version a new machine of this cluster starts with. */
    public String initialVersion() {
        return shape == Shape.K3S_SINGLE_MACHINE ? "v1.30.4+k3s1" : "v1.30.4";
    }

    /** The cluster's Flux, shared by its machines like everything else on the cluster. */
    public SimulatedFlux flux() {
        return flux;
    }

    int objectCount() {
        return objects.size();
    }

    List<String> apply(String manifests, String namespace) {
        List<Map.Entry<String, String>> parsed = parse(manifests, namespace);
        parsed.forEach(e -> objects.put(e.getKey(), e.getValue()));
        return parsed.stream().map(Map.Entry::getKey).toList();
    }

    List<String> delete(String manifests, String namespace) {
        return parse(manifests, namespace).stream().map(Map.Entry::getKey).filter(key -> objects.remove(key) != null).toList();
    }

    private static List<Map.Entry<String, String>> parse(String manifests, String namespace) {
        List<Map.Entry<String, String>> parsed = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = YAML.readTree(document);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage());
            }
            String kind = object == null ? "" : object.path("kind").asText("");
            String objectName = object == null ? "" : object.path("metadata").path("name").asText("");
            if (kind.isEmpty() || objectName.isEmpty()) {
                throw new IllegalArgumentException("every object needs kind and metadata.name");
            }
            String ns = namespace != null ? namespace : object.path("metadata").path("namespace").asText("default");
            parsed.add(Map.entry(kind + "/" + ns + "/" + objectName, document));
        }
        return parsed;
    }
}
