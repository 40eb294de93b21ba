package io.edgefleet.update.rollout;

import io.edgefleet.admission.DenyRulesContract;
import io.quarkus.test.junit.QuarkusTest;

/** update-service keeps fleet.policy.rules as every service embedding libs/policy-admission must. */
@QuarkusTest
class DenyRulesTest extends DenyRulesContract {

    @Override
    protected String serviceName() {
        return "update-service";
    }
}
