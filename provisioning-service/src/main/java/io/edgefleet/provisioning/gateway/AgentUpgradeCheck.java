package io.edgefleet.provisioning.gateway;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.deviceauth.DeviceCaller;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Authenticates the agent session before the WebSocket upgrade: a missing or invalid device
 * token gets a plain HTTP 401, a revoked device 403, and no session is opened.
 */
@ApplicationScoped
public class AgentUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<DeviceCaller> DEVICE = new UserData.TypedKey<>("edgefleet.device");

    private final DeviceTokenVerifier authentication;

    public AgentUpgradeCheck(DeviceTokenVerifier authentication) {
        this.authentication = authentication;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String authorization = context.httpRequest().getHeader("Authorization");
        return Uni.createFrom().item(() -> check(authorization, context.userData()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private CheckResult check(String authorization, UserData userData) {
        try {
            userData.put(DEVICE, authentication.verifyHeader(authorization));
            return CheckResult.permitUpgradeSync();
        } catch (FleetException e) {
            return CheckResult.rejectUpgradeSync(e.errorCode().status(),
                    Map.of("WWW-Authenticate", List.of("Bearer error=\"invalid_token\"")));
        }
    }
}
