package io.edgefleet.messaging.inbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database refusing the data is poison; the database being away, or a race, is retried. */
class DataFailuresTest {

    @Test
    void dataErrorsAnywhereInTheCauseChainAreRefusals() {
        for (String state : new String[] {"22001", "22P02", "22021", "54000", "23502", "23514"}) {
            RuntimeException wrapped = new IllegalStateException("commit failed",
                    new RuntimeException(new SQLException("value too long", state)));
            assertTrue(DataFailures.refusal(wrapped).orElseThrow().startsWith(state), state);
        }
    }

    @Test
    void outagesRacesAndOtherFailuresAreNot() {
        for (String state : new String[] {"08006", "57P01", "40001", "23505", "53300"}) {
            assertTrue(DataFailures.refusal(new RuntimeException(new SQLException("x", state))).isEmpty(), state);
        }
        assertTrue(DataFailures.refusal(new IllegalStateException("no device yet")).isEmpty());
        assertTrue(DataFailures.refusal(new RuntimeException(new SQLException("no state"))).isEmpty());
    }
}
