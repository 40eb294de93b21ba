package io.edgefleet.policy.engine;

/**
 * Why a device is not compliant, naming the field: {@code device.linuxNode.memoryMb} is
 * {@code 2048}: "the Linux node has less than 4 GB".
 *
 * @param field a path in the document ({@code device.…}, {@code cluster.…}, {@code request.…}), or null
 * @param value the field's value as text (at most 256 characters), or null when it is absent
 * @param message the rule's message
 */
public record Violation(String field, String value, String message) {

    static final int MAX_TEXT = 256;

    public Violation {
        field = clip(field);
        value = clip(value);
        message = clip(message);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
