package io.edgefleet.agent.connection;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The gateway URLs of the bundle, most preferred first. The agent uses one until it fails
 * (unreachable, or answering 5xx), then moves to the next, round and round: a gateway that is
 * back is found again on a later lap, and the backoff between attempts keeps laps slow.
 */
public final class Gateways {

    private final List<URI> urls;
    private final BiConsumer<URI, String> onFailover;
    private int current;

    /** @param onFailover told the gateway now in use and why the previous one was left */
    public Gateways(List<URI> urls, BiConsumer<URI, String> onFailover) {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("at least one gateway URL is needed");
        }
        this.urls = List.copyOf(urls);
        this.onFailover = onFailover;
    }

    public synchronized URI current() {
        return urls.get(current);
    }

    /** Moves on from {@code failed} (unless another caller already did) to the next gateway. */
    public void failed(URI failed, String why) {
        URI next;
        synchronized (this) {
            if (urls.size() == 1 || !urls.get(current).equals(failed)) {
                return;
            }
            current = (current + 1) % urls.size();
            next = urls.get(current);
        }
        onFailover.accept(next, why);
    }
}
