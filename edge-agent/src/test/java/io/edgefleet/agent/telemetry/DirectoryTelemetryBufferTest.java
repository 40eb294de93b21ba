package io.edgefleet.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTelemetryBufferTest {

    @Test
    void keepsTheNewestBatchesInOrderAndCountsWhatItDropped(@TempDir Path dir) {
        DirectoryTelemetryBuffer buffer = new DirectoryTelemetryBuffer(dir, 3);
        for (int i = 0; i < 5; i++) {
            buffer.append("{\"n\":" + i + "}");
        }
        assertEquals(3, buffer.size());
        assertEquals(2, buffer.dropped());
        assertEquals(List.of("{\"n\":2}", "{\"n\":3}", "{\"n\":4}"), drain(buffer));
    }

    @Test
    void survivesARestartWithSequencesStillGrowing(@TempDir Path dir) {
        DirectoryTelemetryBuffer before = new DirectoryTelemetryBuffer(dir, 10);
        before.append("a");
        long second = before.append("b");
        before.remove(before.oldest().orElseThrow().sequence());

        DirectoryTelemetryBuffer after = new DirectoryTelemetryBuffer(dir, 10);
        assertEquals(second, after.oldest().orElseThrow().sequence());
        after.remove(second);
        assertEquals(second + 1, after.append("c"), "an emptied buffer does not reuse sequence numbers");
    }

    private static List<String> drain(TelemetryBuffer buffer) {
        List<String> out = new ArrayList<>();
        while (buffer.oldest().isPresent()) {
            var entry = buffer.oldest().get();
            out.add(entry.json());
            buffer.remove(entry.sequence());
        }
        return out;
    }
}
