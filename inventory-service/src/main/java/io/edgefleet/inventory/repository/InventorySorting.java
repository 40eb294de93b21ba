package io.edgefleet.inventory.repository;

import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.inventory.domain.Cluster;
import io.edgefleet.inventory.domain.Device;
import io.edgefleet.inventory.domain.DeviceGroup;
import io.edgefleet.inventory.domain.RoleBinding;

/** The orders inventory's lists offer ({@code sort=}), in the SQL of their repositories' queries. */
public final class InventorySorting {

    /** Devices: by id (stable, the default), name, when registered, when last seen. */
    public static final Sorting<Device> DEVICES = Sorting.of(SortField.id("d.id", d -> d.id), "id",
            SortField.text("name", "d.name", d -> d.name),
            SortField.time("createdAt", "d.created_at", d -> d.createdAt),
            SortField.nullableTime("lastSeenAt", "d.last_seen_at", d -> d.lastSeenAt));

    public static final Sorting<Cluster> CLUSTERS = Sorting.of(SortField.id("c.id", c -> c.id), "id",
            SortField.text("name", "c.name", c -> c.name),
            SortField.time("createdAt", "c.created_at", c -> c.createdAt));

    /** Groups are read with HQL, hence the entity's field names. */
    public static final Sorting<DeviceGroup> GROUPS = Sorting.of(SortField.id("g.id", g -> g.id), "id",
            SortField.text("name", "g.name", g -> g.name),
            SortField.time("createdAt", "g.createdAt", g -> g.createdAt));

    /** Role bindings, read with HQL like groups. */
    public static final Sorting<RoleBinding> ROLE_BINDINGS = Sorting.of(SortField.id("b.id", b -> b.id), "id",
            SortField.text("name", "b.name", b -> b.name),
            SortField.time("createdAt", "b.createdAt", b -> b.createdAt));

    private InventorySorting() {
    }
}
