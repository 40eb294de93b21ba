package io.edgefleet.gitops;

import io.edgefleet.testsupport.ApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input to every operation of the committed contract is a 4xx problem and stores nothing. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {
}
