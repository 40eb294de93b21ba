package io.edgefleet.messaging.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How topics are declared at start ({@link TopicDeclarations}). */
@ConfigMapping(prefix = "edgefleet.topics")
public interface TopicsConfig {

    /** Create missing topics at start: on in the dev stack and tests; off where deploy/ declares them. */
    @WithDefault("true")
    boolean createAtStart();

    /** Partitions of a topic created here: keys (device ids) spread over them, order kept per key. */
    @WithDefault("3")
    int partitions();

    /** Replicas of a topic created here; 1 fits the single dev broker. */
    @WithDefault("1")
    short replicationFactor();
}
