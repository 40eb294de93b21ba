package io.edgefleet.projection;

import io.edgefleet.testsupport.AuthorizationMatrixContract;
import io.edgefleet.testsupport.TestTokens;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The authorization matrix of a service that learns role bindings from inventory's events: the
 * scoped operator's binding is published as inventory would, and awaited through one of the
 * service's {@code @DeviceScoped} reads where it has one.
 */
public abstract class ProjectedAuthorizationMatrix extends AuthorizationMatrixContract {

    private static final String USER = "matrix-op";

    /** A {@code @DeviceScoped} GET and what it answers the scoped operator once the binding is projected. */
    public record Probe(String path, int status) {
    }

    /** Where the binding shows; none where no operation narrows by device yet (then it is refused everywhere). */
    protected Optional<Probe> scopedProbe() {
        return Optional.empty();
    }

    @Override
    protected String scopedOperatorToken() {
        InventoryRecords.roleBinding(tenant.org(), UUID.randomUUID().toString(), "user", USER, "operator", "site=matrix");
        scopedProbe().ifPresent(probe -> Awaitility.await("binding projected").atMost(Duration.ofSeconds(30)).until(() ->
                tenant.user(USER).when().get(probe.path()).then().extract().statusCode() == probe.status()));
        return TestTokens.forSubject(USER, tenant.org());
    }
}
