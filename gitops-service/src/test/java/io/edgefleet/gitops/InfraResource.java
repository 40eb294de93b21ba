package io.edgefleet.gitops;

import io.edgefleet.testsupport.EdgeFleetInfra;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers real Kafka + PostgreSQL once for every test of this module. */
@QuarkusTestResource(EdgeFleetInfra.class)
public class InfraResource {
}
