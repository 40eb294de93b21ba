/** update-service: release catalog and update rollouts. */
package io.edgefleet.update;
