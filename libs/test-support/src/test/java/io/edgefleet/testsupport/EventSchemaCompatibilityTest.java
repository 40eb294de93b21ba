package io.edgefleet.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Consumers of our events keep working: no event (or command payload) schema of
 * {@code libs/event-contracts} changes incompatibly from its published copy
 * ({@code libs/event-contracts/published/}), unless its {@code $id} — which carries the event
 * version — changed; a breaking change is a new version (a new {@code .v2} schema) instead. Here
 * rather than in event-contracts, which test-support depends on. Record the published copies
 * with {@code -Dedgefleet.contract.publish=true}.
 */
class EventSchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CURRENT = Path.of("../event-contracts/src/main/resources/schemas");
    private static final Path PUBLISHED = Path.of("../event-contracts/published");

    @Test
    void everyPublishedSchemaIsStillAcceptedByItsCurrentVersion() throws IOException {
        if (Boolean.getBoolean("edgefleet.contract.publish")) {
            publish();
        }
        List<Path> published = files(PUBLISHED);
        assertTrue(!published.isEmpty(), "no published schemas; record them with -Dedgefleet.contract.publish=true");
        Set<String> breaks = new TreeSet<>();
        for (Path file : published) {
            String name = PUBLISHED.relativize(file).toString();
            Path now = CURRENT.resolve(name);
            if (!Files.exists(now)) {
                breaks.add(name + ": removed");
                continue;
            }
            JsonNode before = JSON.readTree(file.toFile());
            JsonNode current = JSON.readTree(now.toFile());
            if (before.path("$id").equals(current.path("$id"))) {
                breaks.addAll(ContractCompatibility.ofSchema(name, before, current));
            }
        }
        assertEquals(Set.of(), breaks, "publish a new event version instead of changing a published one");
    }

    private static void publish() throws IOException {
        for (Path file : files(CURRENT)) {
            Path copy = PUBLISHED.resolve(CURRENT.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
