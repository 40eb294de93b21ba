package io.edgefleet.policy.config;

import io.edgefleet.policy.engine.CostLimits;
import io.edgefleet.policy.engine.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one CEL engine of this service, bounded by {@link PolicyConfig#cost()}. */
@ApplicationScoped
public class PolicyEngineProducer {

    @Produces
    @ApplicationScoped
    PolicyEngine engine(PolicyConfig config) {
        PolicyConfig.Cost cost = config.cost();
        return new PolicyEngine(new CostLimits(cost.maxExpressionLength(), cost.maxLoopNesting(), cost.maxIterations(),
                cost.maxSteps(), cost.maxEvaluationTime()));
    }
}
