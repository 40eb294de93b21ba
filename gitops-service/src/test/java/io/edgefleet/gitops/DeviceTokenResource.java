package io.edgefleet.gitops;

import io.edgefleet.testsupport.DeviceTokenKeys;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers the test run's device-token keys once for every test of this module. */
@QuarkusTestResource(DeviceTokenKeys.class)
public class DeviceTokenResource {
}
