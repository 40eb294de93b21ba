package io.edgefleet.deviceauth;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/** Device-token keys from provisioning's JWKS: fetched and cached, refetched for an unknown key id. */
@DefaultBean
@ApplicationScoped
public class JwksDeviceKeys implements DeviceKeys {

    private final VerificationKeyResolver resolver;

    public JwksDeviceKeys(DeviceTokenConfig config) {
        String location = config.jwks().orElseThrow(() -> new IllegalStateException(
                "edgefleet.device-tokens.jwks is required: where provisioning-service publishes its device-token keys"));
        this.resolver = location.startsWith("file:") ? fromFile(location)
                : new HttpsJwksVerificationKeyResolver(new HttpsJwks(location));
    }

    @Override
    public VerificationKeyResolver resolver() {
        return resolver;
    }

    private static VerificationKeyResolver fromFile(String location) {
        try {
            return new JwksVerificationKeyResolver(new JsonWebKeySet(Files.readString(Path.of(URI.create(location))))
                    .getJsonWebKeys());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("device-token JWKS at " + location + " is unreadable", e);
        }
    }
}
