package io.edgefleet.core.error;

/**
 * A stable, documented error code. Each service keeps one enum implementing this (only enums
 * may: the code is the constant's name); clients branch on {@link #code()}, never on message text.
 */
public interface ErrorCode {

    /** Stable machine-readable code, e.g. {@code DEVICE_NOT_FOUND}: an enum constant's name. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    /** HTTP status that this error maps to. */
    int status();

    /** Short human-readable summary, the same for every occurrence. */
    String title();
}
