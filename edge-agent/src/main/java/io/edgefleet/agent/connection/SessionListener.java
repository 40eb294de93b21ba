package io.edgefleet.agent.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.agent.AgentMessage;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Turns a WebSocket's frames into protocol messages, and its end (close or error) into one callback. */
public class SessionListener implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<AgentMessage> messages;
    private final Consumer<String> ended;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean over = new AtomicBoolean();

    public SessionListener(Consumer<AgentMessage> messages, Consumer<String> ended) {
        this.messages = messages;
        this.ended = ended;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                messages.accept(JSON.readValue(text, AgentMessage.class));
            } catch (Exception e) {
                // A message this agent cannot read is skipped; the server redelivers what matters.
            }
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        end("session closed (" + statusCode + " " + reason + ")");
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        end("session failed: " + error);
    }

    /** Ends the session from this side (an abort does not call the listener back). */
    public void terminate(String why) {
        end(why);
    }

    private void end(String why) {
        if (over.compareAndSet(false, true)) {
            ended.accept(why);
        }
    }
}
