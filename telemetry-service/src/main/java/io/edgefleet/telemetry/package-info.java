/** telemetry-service: metric ingest, queries and alerts. */
package io.edgefleet.telemetry;
