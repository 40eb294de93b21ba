package io.edgefleet.gitops;

import io.edgefleet.testsupport.ArchitectureContract;

/** The architecture rules of docs/architecture.md, over this service and the libraries it uses. */
class ArchitectureTest extends ArchitectureContract {
}
