package io.edgefleet.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.identity.StateStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What the agent tells its operator: one structured log line per step
 * ({@code event=session-open device=… gateway=…}, keys and values without spaces or quoted) and
 * the status {@code edge-agent status} prints, kept in the state store. One call does both, so
 * the two never disagree.
 */
public final class AgentJournal {

    private static final Logger LOG = Logger.getLogger(AgentJournal.class);

    /** What the agent is doing now, as the status shows it. */
    public enum Phase { STARTING, CLUSTER_UNREACHABLE, ENROLLING, PENDING_APPROVAL, CONNECTING, CONNECTED, DISCONNECTED, STOPPED }

    private final StateStore state;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Object> status = new LinkedHashMap<>();

    public AgentJournal(StateStore state, ObjectMapper json, Clock clock) {
        this.state = state;
        this.json = json;
        this.clock = clock;
    }

    /** Logs a step at INFO; {@code fields} are key, value, key, value… */
    public void step(String event, Object... fields) {
        LOG.info(line(event, fields));
    }

    /** Logs a step that needs the operator's attention (WARN). */
    public void trouble(String event, Object... fields) {
        LOG.warn(line(event, fields));
    }

    /** Moves to {@code phase} and keeps the status; {@code fields} join it (a null value removes a field). */
    public synchronized void phase(Phase phase, Object... fields) {
        status.put("phase", phase.name().toLowerCase().replace('_', '-'));
        status.put("since", clock.instant().toString());
        record(fields);
    }

    /** Updates fields of the status without changing its phase. */
    public synchronized void record(Object... fields) {
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                status.remove(String.valueOf(fields[i]));
            } else {
                status.put(String.valueOf(fields[i]), fields[i + 1]);
            }
        }
        try {
            ObjectNode document = json.valueToTree(status);
            state.deviceId().ifPresent(id -> document.put("deviceId", id));
            state.enrollmentId().ifPresent(id -> document.put("enrollmentId", id));
            state.saveStatus(json.writeValueAsString(document));
        } catch (Exception e) {
            // The status is a convenience for the operator; failing to write it never stops the agent.
            LOG.debugf("status not written: %s", e);
        }
    }

    static String line(String event, Object... fields) {
        StringBuilder line = new StringBuilder("event=").append(event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.append(' ').append(fields[i]).append('=').append(value(String.valueOf(fields[i + 1])));
            }
        }
        return line.toString();
    }

    private static String value(String raw) {
        String flat = raw.replaceAll("\\p{Cntrl}", " ");
        flat = flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
        return flat.isEmpty() || flat.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')
                ? '"' + flat.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : flat;
    }
}
