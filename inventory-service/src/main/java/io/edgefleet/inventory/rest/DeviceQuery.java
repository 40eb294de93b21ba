package io.edgefleet.inventory.rest;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.inventory.domain.Connectivity;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.Lifecycle;
import io.edgefleet.inventory.repository.DeviceFilter;
import io.edgefleet.inventory.repository.InventorySorting;
import io.edgefleet.rest.paging.Cursors;
import io.edgefleet.rest.paging.QueryValues;
import io.edgefleet.rest.paging.SelectorListQuery;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Device list filters besides paging and label selector: {@code lifecycle},
 * {@code connectivity}, {@code distribution}, {@code version}, {@code group} (id or name),
 * {@code q} (free text), and the order, {@code sort}.
 */
public class DeviceQuery extends SelectorListQuery {

    @QueryParam("lifecycle")
    @Parameter(description = "The device's `lifecycle`.", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"registered", "enrolled", "decommissioned"}))
    String lifecycle;

    @QueryParam("connectivity")
    @Parameter(schema = @Schema(type = SchemaType.STRING,
            enumeration = {"connected", "offline", "never-connected", "credential-expired"}))
    String connectivity;

    @QueryParam("distribution")
    @Parameter(description = "Kubernetes distribution of the device's cluster.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"k8s", "k3s"}))
    String distribution;

    @QueryParam("version")
    @Parameter(description = "Kubernetes version of the device's cluster, exactly, e.g. `v1.30.4+k3s1`. An unencoded `+` "
            + "arrives as a space; versions never contain spaces, so it is read as the `+` it was meant to be.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String version;

    @QueryParam("group")
    @Parameter(description = "A group's id or name: its members, or what its selector matches.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String group;

    @QueryParam("q")
    @Parameter(description = "Free text, matched case-insensitively against name, host OS and external id.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.SHORT_TEXT))
    String text;

    @QueryParam("sort")
    @Parameter(description = "Order: a field, `-` first for descending; ties by id. Devices never seen sort as the "
            + "earliest `lastSeenAt`.", schema = @Schema(type = SchemaType.STRING, defaultValue = "id", enumeration = {
            "id", "-id", "name", "-name", "createdAt", "-createdAt", "lastSeenAt", "-lastSeenAt"}))
    String sort;

    Keyset<Device> page() {
        return Cursors.keyset(this, InventorySorting.DEVICES, sort);
    }

    Optional<String> group() {
        return bounded("group", group);
    }

    DeviceFilter filter(String orgId) {
        return new DeviceFilter(orgId, labelSelector(), present(lifecycle).map(DeviceQuery::lifecycle),
                present(connectivity).map(DeviceQuery::connectivity), present(distribution).map(DeviceQuery::distribution),
                bounded("version", version).map(DeviceQuery::plusSigns), Optional.empty(), Optional.empty(), bounded("q", text));
    }

    /** Free-text filters are bounded like every other input: no stored value is longer. */
    private static Optional<String> bounded(String name, String value) {
        return QueryValues.text(name, value);
    }

    /** {@code version=v1.30.4+k3s1} typed into a URL decodes to {@code v1.30.4 k3s1}. */
    private static String plusSigns(String version) {
        return version.replace(' ', '+');
    }

    private static Lifecycle lifecycle(String value) {
        try {
            return Lifecycle.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid("lifecycle must be registered, enrolled or decommissioned");
        }
    }

    private static Connectivity connectivity(String value) {
        try {
            return Connectivity.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw invalid("connectivity must be connected, offline, never-connected or credential-expired");
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
