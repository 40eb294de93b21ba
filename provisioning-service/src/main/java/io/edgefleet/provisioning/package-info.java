/** provisioning-service: device enrollment, identity, agent gateway and commands. */
package io.edgefleet.provisioning;
