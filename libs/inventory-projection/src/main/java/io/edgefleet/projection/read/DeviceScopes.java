package io.edgefleet.projection.read;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.labels.SqlParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a query's scope (one device, a group, or a label selector) into SQL over this service's
 * device ids. Groups and labels come from the inventory projection; samples are keyed by
 * provisioning's identity id, which the projection maps from inventory's id.
 */
@ApplicationScoped
public class DeviceScopes {

    private static final String PROJECTED_IDS = "SELECT %s FROM device_projection p "
            + "WHERE p.org_id = %s AND p.decommissioned_at IS NULL AND ";
    /** Placeholders of scopes start so, apart from those of the query a scope is part of. */
    private static final String PARAMETER_PREFIX = "scope";

    /** Every device of the organization (the query's own org condition applies). */
    public static final Scope ALL = new Scope("TRUE", Map.of());
    /** No device at all. */
    public static final Scope NONE = new Scope("FALSE", Map.of());

    private final ProjectedGroups groups;
    private final String idColumn;

    /**
     * @param deviceIds {@code identity} where this service keys devices by provisioning's id (the
     *                  agent's, which a linked pre-registered device does not share), {@code inventory}
     *                  where it keys them by inventory's own id
     */
    public DeviceScopes(ProjectedGroups groups,
                        @ConfigProperty(name = "edgefleet.projection.device-ids", defaultValue = "identity") String deviceIds) {
        this.groups = groups;
        this.idColumn = "inventory".equals(deviceIds) ? "p.device_id" : "COALESCE(p.identity_id, p.device_id)";
    }

    /** A resolved scope: {@link #condition} is SQL true where a device id column is in scope. */
    public record Scope(String template, Map<String, Object> params) {

        /** Makes the placeholders of combined scopes unique, however deeply they are combined. */
        private static final java.util.concurrent.atomic.AtomicLong RENAMES = new java.util.concurrent.atomic.AtomicLong();

        public String condition(String deviceIdColumn) {
            return template.replace("{device}", deviceIdColumn);
        }

        public static Scope ofDevice(UUID deviceId) {
            return new Scope("{device} = :scopeDevice", Map.of("scopeDevice", deviceId));
        }

        /** Devices in this scope and in {@code other}. */
        public Scope and(Scope other) {
            if (equals(ALL) || other.equals(NONE)) {
                return other;
            }
            if (other.equals(ALL) || equals(NONE)) {
                return this;
            }
            Scope renamed = other.renamed("and" + RENAMES.incrementAndGet());
            return new Scope("(" + template + ") AND (" + renamed.template + ")", merged(renamed));
        }

        /** Devices in any of the scopes; {@link #NONE} when there are none. */
        public static Scope anyOf(List<Scope> scopes) {
            if (scopes.contains(ALL)) {
                return ALL;
            }
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < scopes.size(); i++) {
                Scope renamed = scopes.get(i).renamed("any" + RENAMES.incrementAndGet());
                conditions.add("(" + renamed.template + ")");
                params.putAll(renamed.params);
            }
            return conditions.isEmpty() ? NONE : new Scope("(" + String.join(" OR ", conditions) + ")", params);
        }

        private Scope renamed(String tag) {
            String renamedTemplate = template;
            Map<String, Object> renamedParams = new LinkedHashMap<>();
            for (Map.Entry<String, Object> param : params.entrySet()) {
                String name = param.getKey() + "_" + tag;
                renamedTemplate = renamedTemplate.replaceAll(":" + Pattern.quote(param.getKey()) + "(?![A-Za-z0-9_])", ":" + name);
                renamedParams.put(name, param.getValue());
            }
            return new Scope(renamedTemplate, renamedParams);
        }

        private Map<String, Object> merged(Scope other) {
            Map<String, Object> all = new LinkedHashMap<>(params);
            all.putAll(other.params);
            return all;
        }
    }

    /** Devices whose labels match; every device when the selector is empty. */
    public Scope matching(String orgId, LabelSelector selector) {
        return selector.isEmpty() ? ALL : selector(orgId, selector, new SqlParameters(PARAMETER_PREFIX));
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
        SqlParameters params = new SqlParameters(PARAMETER_PREFIX);
        if (device != null && !device.isBlank()) {
            return Scope.ofDevice(deviceId(device));
        }
        if (labelSelector != null && !labelSelector.isBlank()) {
            return selector(orgId, LabelSelector.parse(labelSelector), params);
        }
        return group(orgId, group, params);
    }

    private Scope selector(String orgId, LabelSelector selector, SqlParameters params) {
        String projected = PROJECTED_IDS.formatted(idColumn, params.bind(orgId)) + selector.toSql("p.labels", params);
        return new Scope("{device} IN (" + projected + ")", params.values());
    }

    /** The devices of any of these groups; a group no longer projected (deleted) adds none. */
    public Scope ofGroups(String orgId, List<UUID> groupIds) {
        List<Scope> scopes = new ArrayList<>();
        for (UUID id : groupIds) {
            groups.find(orgId, id.toString()).ifPresent(g -> scopes.add(group(orgId, g, new SqlParameters(PARAMETER_PREFIX))));
        }
        return Scope.anyOf(scopes);
    }

    private Scope group(String orgId, String ref, SqlParameters params) {
        ProjectedGroups.ProjectedGroup group = groups.find(orgId, ref)
                .orElseThrow(() -> new FleetException(ProjectionErrorCode.GROUP_NOT_FOUND, "no group " + ref));
        return group(orgId, group, params);
    }

    private Scope group(String orgId, ProjectedGroups.ProjectedGroup group, SqlParameters params) {
        if (group.dynamic()) {
            return selector(orgId, LabelSelector.parse(group.selector()), params);
        }
        String members = params.bind(group.members());
        String projected = PROJECTED_IDS.formatted(idColumn, params.bind(orgId)) + "p.device_id = ANY(CAST(" + members + " AS uuid[]))";
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
