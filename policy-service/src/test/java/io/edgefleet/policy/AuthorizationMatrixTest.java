package io.edgefleet.policy;

import io.edgefleet.projection.ProjectedAuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation × every caller answers as its declared role says. No operation here narrows by
 * device yet, so an operator bound to some devices is refused everywhere.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ProjectedAuthorizationMatrix {
}
