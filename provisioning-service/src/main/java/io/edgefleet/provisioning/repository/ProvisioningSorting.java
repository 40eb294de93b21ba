package io.edgefleet.provisioning.repository;

import io.edgefleet.core.paging.SortField;
import io.edgefleet.core.paging.Sorting;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.domain.Enrollment;
import io.edgefleet.provisioning.domain.EnrollmentToken;

/** The orders provisioning's lists offer ({@code sort=}), in the HQL of their repositories' queries. */
public final class ProvisioningSorting {

    /** A device's commands: newest first unless asked otherwise, since an operator looks for the latest. */
    public static final Sorting<Command> COMMANDS = Sorting.of(SortField.id("c.id", c -> c.id), "-createdAt",
            SortField.time("createdAt", "c.createdAt", c -> c.createdAt));

    public static final Sorting<EnrollmentToken> TOKENS = Sorting.of(SortField.id("t.id", t -> t.id), "id",
            SortField.text("name", "t.name", t -> t.name),
            SortField.time("createdAt", "t.createdAt", t -> t.createdAt));

    public static final Sorting<Enrollment> ENROLLMENTS = Sorting.of(SortField.id("e.id", e -> e.id), "id",
            SortField.time("requestedAt", "e.requestedAt", e -> e.requestedAt));

    private ProvisioningSorting() {
    }
}
