package io.edgefleet.agent.cluster;

/** The local cluster's API did not answer; the message names where it was asked and why it failed. */
public class ClusterUnreachableException extends RuntimeException {

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
