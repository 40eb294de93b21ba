package io.edgefleet.inventory.rest;

/** Device and cluster names are DNS-1123 names, as Kubernetes names are. */
final class DeviceNames {

    // Bounded quantifier: the pattern cannot run away on a 100 KB input (it overflowed the stack: a 500).
    static final String DNS_1123 = "[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?";
    static final String MESSAGE = "must be a DNS-1123 name: lower-case alphanumerics, '-' and '.'";

    private DeviceNames() {
    }
}
