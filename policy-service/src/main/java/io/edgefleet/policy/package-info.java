/** policy-service: policies, assignments and compliance. */
package io.edgefleet.policy;
