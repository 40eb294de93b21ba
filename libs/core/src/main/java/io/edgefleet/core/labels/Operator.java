package io.edgefleet.core.labels;

/** The operators of a label selector requirement. */
public enum Operator {
    EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS
}
