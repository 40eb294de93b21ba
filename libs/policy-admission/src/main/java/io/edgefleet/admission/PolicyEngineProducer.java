package io.edgefleet.admission;

import io.edgefleet.policy.engine.CostLimits;
import io.edgefleet.policy.engine.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one CEL engine of a service, bounded by {@link RuleCostConfig}. */
@ApplicationScoped
public class PolicyEngineProducer {

    @Produces
    @ApplicationScoped
    PolicyEngine engine(RuleCostConfig cost) {
        return new PolicyEngine(new CostLimits(cost.maxExpressionLength(), cost.maxLoopNesting(), cost.maxIterations(),
                cost.maxSteps(), cost.maxEvaluationTime()));
    }
}
