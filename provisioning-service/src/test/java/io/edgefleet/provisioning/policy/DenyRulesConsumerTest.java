package io.edgefleet.provisioning.policy;

import io.edgefleet.admission.DenyRulesContract;
import io.quarkus.test.junit.QuarkusTest;

/** provisioning's copy of the deny rules follows fleet.policy.rules, and nothing on it stops the consumer. */
@QuarkusTest
class DenyRulesConsumerTest extends DenyRulesContract {

    @Override
    protected String serviceName() {
        return "provisioning-service";
    }
}
