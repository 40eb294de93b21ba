package io.edgefleet.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChoicesTest {

    private final Choices severities = Choices.of("critical", "warning", "info");

    @Test
    void acceptsOnlyItsValuesAndNeverThrowsOnNull() {
        assertTrue(severities.accepts("warning"));
        assertFalse(severities.accepts("Warning"));
        assertFalse(severities.accepts(""));
        assertFalse(severities.accepts(null));
    }

    @Test
    void describesItselfForMessages() {
        assertEquals("critical, warning or info", severities.describe());
        assertEquals("k3s", Choices.of("k3s").describe());
    }
}
