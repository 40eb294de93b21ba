package io.edgefleet.gitops;

import io.edgefleet.testsupport.ServicePlatformContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest extends ServicePlatformContract {
}
