package io.edgefleet.inventory.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Lifecycle;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.rest.paging.ListQuery;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;

/**
 * Device list filters besides paging and label selector: {@code status} (lifecycle),
 * {@code connectivity}, {@code distribution}, {@code version}, {@code group} (id or name) and
 * {@code q} (free text).
 */
public class DeviceQuery extends ListQuery {

    @QueryParam("status")
    String status;

    @QueryParam("connectivity")
    String connectivity;

    @QueryParam("distribution")
    String distribution;

    @QueryParam("version")
    String version;

    @QueryParam("group")
    String group;

    @QueryParam("q")
    String text;

    Optional<String> group() {
        return present(group);
    }

    DeviceFilter filter(String orgId) {
        return new DeviceFilter(orgId, labelSelector(), present(status).map(DeviceQuery::lifecycle),
                present(connectivity).map(DeviceQuery::connectivity), present(distribution).map(DeviceQuery::distribution),
                bounded("version", version), Optional.empty(), Optional.empty(), bounded("q", text));
    }

    /** Free-text filters are bounded like every other input: no stored value is longer. */
    private static Optional<String> bounded(String name, String value) {
        if (value != null && value.length() > Limits.SHORT_TEXT) {
            throw invalid(name + " has at most " + Limits.SHORT_TEXT + " characters");
        }
        return present(value);
    }

    private static Lifecycle lifecycle(String value) {
        try {
            return Lifecycle.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid("status must be registered, enrolled or decommissioned");
        }
    }

    private static Connectivity connectivity(String value) {
        try {
            return Connectivity.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw invalid("connectivity must be connected, offline or credential-expired");
        }
    }

    private static String distribution(String value) {
        if (!value.equals("k8s") && !value.equals("k3s")) {
            throw invalid("distribution must be k8s or k3s");
        }
        return value;
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static FleetException invalid(String detail) {
        return new FleetException(CommonErrorCode.VALIDATION_FAILED, detail);
    }
}
