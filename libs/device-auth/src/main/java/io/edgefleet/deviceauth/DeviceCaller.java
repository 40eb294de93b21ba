package io.edgefleet.deviceauth;

import java.util.UUID;

/** An authenticated device: who is calling a device endpoint. */
public record DeviceCaller(UUID deviceId, String orgId) {
}
