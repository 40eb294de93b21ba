package io.edgefleet.provisioning.repository;

import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.provisioning.domain.Command;

/** The orders provisioning's lists offer ({@code sort=}), in the HQL of their repositories' queries. */
public final class ProvisioningSorting {

    /** A device's commands: newest first unless asked otherwise, since an operator looks for the latest. */
    public static final Sorting<Command> COMMANDS = Sorting.of("c.id", c -> c.id, "-createdAt",
            SortField.id("c.id", c -> c.id),
            SortField.time("createdAt", "c.createdAt", c -> c.createdAt));

    private ProvisioningSorting() {
    }
}
