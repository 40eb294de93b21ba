package io.edgefleet.inventory.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans end here in tests instead of a collector. Nothing is sampled unless a test profile asks
 * ({@link TraceContextTest.Sampled}), as in production without an operator's ratio.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
