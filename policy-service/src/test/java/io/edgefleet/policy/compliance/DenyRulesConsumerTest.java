package io.edgefleet.policy.compliance;

import io.edgefleet.admission.DenyRulesContract;
import io.quarkus.test.junit.QuarkusTest;

/** policy-service's copy (behind its admission reviews) of the deny rules follows fleet.policy.rules, and nothing on it stops the consumer. */
@QuarkusTest
class DenyRulesConsumerTest extends DenyRulesContract {

    @Override
    protected String serviceName() {
        return "policy-service";
    }
}
