package io.edgefleet.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.events.agent.Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads an onboarding bundle and says plainly what is wrong with one that cannot onboard a machine. */
final class BundleFile {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final long MAX_BYTES = 256 * 1024;

    private BundleFile() {
    }

    static Bundle read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BundleException("no bundle file at " + file);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BundleException(file + " is larger than a bundle can be (" + MAX_BYTES / 1024 + " KiB)");
            }
            Bundle bundle = JSON.readValue(file.toFile(), Bundle.class);
            // A bundle of the first format named one server; read it as one gateway.
            if ((bundle.gatewayUrls() == null || bundle.gatewayUrls().isEmpty()) && bundle.serverUrl() != null) {
                bundle = Bundle.of(List.of(bundle.serverUrl()), bundle.telemetryUrl(), bundle.gitopsUrl(), bundle.enrollmentToken(), bundle.tokenId(),
                        bundle.expiresAt(), bundle.trustAnchors());
            }
            if (bundle.gatewayUrls() == null || bundle.gatewayUrls().isEmpty()) {
                throw new BundleException(file + " names no gateway URL (gatewayUrls): is it an EdgeFleet bundle?");
            }
            if (bundle.enrollmentToken() == null || bundle.enrollmentToken().isBlank()) {
                throw new BundleException(file + " carries no enrollment token");
            }
            return bundle;
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(file + " is not a readable bundle: " + e.getMessage());
        }
    }

    /** A bundle that cannot be used, with the reason for the operator. */
    static final class BundleException extends RuntimeException {
        BundleException(String message) {
            super(message);
        }
    }
}
