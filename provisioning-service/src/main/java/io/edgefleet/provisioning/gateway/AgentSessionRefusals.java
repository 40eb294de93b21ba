package io.edgefleet.provisioning.gateway;

import io.edgefleet.audit.AuditTrail;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.text.Excerpt;
import io.edgefleet.deviceauth.DeviceTokenVerifier;
import io.edgefleet.events.agent.AgentProtocol;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.edgefleet.rest.problem.RouteProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an agent session's WebSocket upgrade with a problem+json body (400 for a protocol
 * version this gateway does not speak, 401 or 403 and its code), before the upgrade check, whose refusal can carry only a status. {@link AgentUpgradeCheck}
 * still authenticates every upgrade and keeps the device for the session.
 */
@ApplicationScoped
public class AgentSessionRefusals {

    private final DeviceTokenVerifier authentication;
    private final RouteProblems problems;
    private final AuditTrail audit;

    public AgentSessionRefusals(DeviceTokenVerifier authentication, RouteProblems problems, AuditTrail audit) {
        this.audit = audit;
        this.authentication = authentication;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/v1/agent/session").order(-2).blockingHandler(this::check, false);
    }

    private void check(RoutingContext context) {
        if (!"websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
            context.next();
            return;
        }
        String protocol = context.request().getHeader(AgentProtocol.HEADER);
        if (!AgentProtocol.accepted(protocol)) {
            problems.respond(context, ProvisioningErrorCode.AGENT_PROTOCOL_UNSUPPORTED, "this gateway speaks agent protocol "
                    + AgentProtocol.CURRENT + " and " + AgentProtocol.PREVIOUS + ", not " + Excerpt.of(protocol, 20)
                    + ": upgrade the agent", false);
            return;
        }
        try {
            authentication.verifyHeader(context.request().getHeader("Authorization"));
            context.next();
        } catch (FleetException e) {
            audit.refusedBeforeRouting(e.errorCode().code(), "GET", context.request().path(),
                    context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress());
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.respond(context, e.errorCode(), e.getMessage(), false);
        }
    }
}
