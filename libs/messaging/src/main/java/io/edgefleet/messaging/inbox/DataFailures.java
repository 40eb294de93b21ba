package io.edgefleet.messaging.inbox;

import io.edgefleet.core.text.Excerpt;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database refusing the data itself from the database being away. The data kind
 * (SQLSTATE class 22: value too long, invalid text, NUL byte; class 54: a value larger than an
 * index entry may be; check and not-null violations) fails the same way on every retry, so
 * retrying it only stalls every event behind it. Unique violations are not among them: a
 * concurrent replica can cause one, and the retry then sees its row.
 */
final class DataFailures {

    private static final Set<String> PERMANENT_STATES = Set.of("23502", "23514", "23P01");

    private DataFailures() {
    }

    /** The database's words when {@code failure} is a refusal of the data, else empty. */
    static Optional<String> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("54") || PERMANENT_STATES.contains(state)) {
                    return Optional.of(state + " " + Excerpt.of(String.valueOf(sql.getMessage()), 200));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
