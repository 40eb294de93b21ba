package io.edgefleet.projection.read;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.SqlParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a query's scope (one device, a group, or a label selector) into SQL over this service's
 * device ids. Groups and labels come from the inventory projection; samples are keyed by
 * provisioning's identity id, which the projection maps from inventory's id.
 */
@ApplicationScoped
public class DeviceScopes {

    private static final String PROJECTED_IDS = "SELECT COALESCE(p.identity_id, p.device_id) FROM device_projection p "
            + "WHERE p.org_id = %s AND p.decommissioned_at IS NULL AND ";

    /** Every device of the organization (the query's own org condition applies). */
    public static final Scope ALL = new Scope("TRUE", Map.of());

    private final ProjectedGroups groups;

    public DeviceScopes(ProjectedGroups groups) {
        this.groups = groups;
    }

    /** A resolved scope: {@link #condition} is SQL true where a device id column is in scope. */
    public record Scope(String template, Map<String, Object> params) {

        public String condition(String deviceIdColumn) {
            return template.replace("{device}", deviceIdColumn);
        }

        public static Scope ofDevice(UUID deviceId) {
            return new Scope("{device} = :scopeDevice", Map.of("scopeDevice", deviceId));
        }
    }

    /** Devices whose labels match; every device when the selector is empty. */
    public Scope matching(String orgId, LabelSelector selector) {
        return selector.isEmpty() ? ALL : selector(orgId, selector, new SqlParameters());
    }

    /** The whole organization when none of the three is given, else as {@link #resolve}. */
    public Scope resolveOrAll(String orgId, String device, String group, String labelSelector) {
        boolean none = java.util.stream.Stream.of(device, group, labelSelector).allMatch(v -> v == null || v.isBlank());
        return none ? ALL : resolve(orgId, device, group, labelSelector);
    }

    /** Exactly one of the three must be given. */
    public Scope resolve(String orgId, String device, String group, String labelSelector) {
        long given = java.util.stream.Stream.of(device, group, labelSelector).filter(v -> v != null && !v.isBlank()).count();
        if (given != 1) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "give exactly one of device, group and labelSelector");
        }
        SqlParameters params = new SqlParameters();
        if (device != null && !device.isBlank()) {
            return Scope.ofDevice(deviceId(device));
        }
        if (labelSelector != null && !labelSelector.isBlank()) {
            return selector(orgId, LabelSelector.parse(labelSelector), params);
        }
        return group(orgId, group, params);
    }

    private Scope selector(String orgId, LabelSelector selector, SqlParameters params) {
        String projected = PROJECTED_IDS.formatted(params.bind(orgId)) + selector.toSql("p.labels", params);
        return new Scope("{device} IN (" + projected + ")", params.values());
    }

    private Scope group(String orgId, String ref, SqlParameters params) {
        ProjectedGroups.ProjectedGroup group = groups.find(orgId, ref)
                .orElseThrow(() -> new FleetException(ProjectionErrorCode.GROUP_NOT_FOUND, "no group " + ref));
        if (group.dynamic()) {
            return selector(orgId, LabelSelector.parse(group.selector()), params);
        }
        String members = params.bind(group.members());
        String projected = PROJECTED_IDS.formatted(params.bind(orgId)) + "p.device_id = ANY(CAST(" + members + " AS uuid[]))";
        // Members never projected (no event seen yet) are matched by their own id; projected ones
        // only through the projection, so a decommissioned member is no longer a target.
        String unprojected = "SELECT m FROM unnest(CAST(" + members + " AS uuid[])) m WHERE NOT EXISTS "
                + "(SELECT 1 FROM device_projection d WHERE d.device_id = m)";
        return new Scope("({device} IN (" + projected + ") OR {device} IN (" + unprojected + "))", params.values());
    }

    private static UUID deviceId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "device must be a device id");
        }
    }
}
