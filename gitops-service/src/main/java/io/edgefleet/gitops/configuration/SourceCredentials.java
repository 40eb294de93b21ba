package io.edgefleet.gitops.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Credentials;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Source;
import io.edgefleet.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's credentials: checked against the source, sealed with libs/secrets before they are
 * stored, opened only for the device they are for. Nothing else ever sees them: the API shows
 * the kind held, audit entries and events carry the spec without them.
 */
@ApplicationScoped
public class SourceCredentials {

    private final Secrets secrets;
    private final ObjectMapper json;

    public SourceCredentials(Secrets secrets, ObjectMapper json) {
        this.secrets = secrets;
        this.json = json;
    }

    /** Seals what the operator gave into {@code configuration}; none given keeps the stored ones, an empty object removes them. */
    void apply(Configuration configuration, Source source) {
        Credentials given = source == null ? null : source.credentials();
        if (given == null) {
            return;
        }
        if (given.empty()) {
            configuration.credentials = null;
            configuration.credentialKind = null;
            return;
        }
        configuration.credentialKind = kind(given, source);
        try {
            configuration.credentials = secrets.seal(json.writeValueAsString(given));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("credentials could not be written", e);
        }
    }

    /** Stored credentials that no longer suit a changed source are refused rather than sent to Flux. */
    void requireSuited(Configuration configuration, Source source) {
        if (configuration.credentials != null) {
            kind(open(configuration), source);
        }
    }

    /** For the device the configuration is delivered to, and nobody else. */
    public Credentials open(Configuration configuration) {
        if (configuration.credentials == null) {
            return null;
        }
        try {
            return json.readValue(secrets.openText(configuration.credentials), Credentials.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed credentials of configuration " + configuration.id + " are unreadable", e);
        }
    }

    private static String kind(Credentials c, Source source) {
        boolean ssh = source.url().startsWith("ssh://");
        boolean basic = c.username() != null || c.password() != null;
        boolean key = c.sshPrivateKey() != null || c.knownHosts() != null;
        if (basic && (c.username() == null || c.password() == null)) {
            throw FleetException.unprocessable("spec.source.credentials", "username and password go together");
        }
        if (basic && key) {
            throw FleetException.unprocessable("spec.source.credentials", "a username and password or an SSH key, not both");
        }
        if (key && (!ssh || c.sshPrivateKey() == null || c.knownHosts() == null)) {
            throw FleetException.unprocessable("spec.source.credentials", "an SSH key (with knownHosts) is for an ssh:// git source");
        }
        if (ssh && (basic || c.caCertificate() != null)) {
            throw FleetException.unprocessable("spec.source.credentials", "an ssh:// source takes an SSH key and knownHosts");
        }
        List<String> kinds = new ArrayList<>();
        if (basic) {
            kinds.add("basic-auth");
        }
        if (key) {
            kinds.add("ssh-key");
        }
        if (c.caCertificate() != null) {
            kinds.add("ca-certificate");
        }
        return String.join("+", kinds);
    }
}
