package io.edgefleet.update.release;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's version, parsed the way its kind writes it, so versions compare by number and
 * Kubernetes' minor versions can be counted. Kubernetes {@code v1.30.4}; k3s {@code v1.30.4+k3s1}
 * (the k3s revision orders builds of one upstream version); OS images and agents: dotted numbers
 * ({@code 2.0.20241101}, {@code 0.4.0}), where an OS image as a node reports it
 * ({@code CBL-Mariner/Linux 2.0.20241001}) is read by its last word.
 */
public record ReleaseVersion(String text, long[] numbers) implements Comparable<ReleaseVersion> {

    private static final Pattern KUBERNETES = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");
    private static final Pattern K3S = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})\\+k3s(\\d{1,4})");
    private static final Pattern DOTTED = Pattern.compile("\\d{1,12}(\\.\\d{1,12}){1,3}([-+][0-9A-Za-z.-]{1,40})?");

    /** Parses {@code text} as a version of {@code kind}; empty when it is not one. */
    public static Optional<ReleaseVersion> parse(ReleaseKind kind, String text) {
        if (text == null || text.length() > 253) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return switch (kind) {
            case KUBERNETES -> numbered(trimmed, KUBERNETES.matcher(trimmed), 3);
            case K3S -> numbered(trimmed, K3S.matcher(trimmed), 4);
            case OS_IMAGE, AGENT -> dotted(kind == ReleaseKind.OS_IMAGE ? lastWord(trimmed) : trimmed);
        };
    }

    public long major() {
        return numbers[0];
    }

    public long minor() {
        return numbers[1];
    }

    /** {@code 1.30}: the minor line a Kubernetes version belongs to. */
    public String minorLine() {
        return numbers[0] + "." + numbers[1];
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        return Arrays.compare(numbers, other.numbers);
    }

    public boolean isAfter(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReleaseVersion v && Arrays.equals(numbers, v.numbers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(numbers);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Optional<ReleaseVersion> numbered(String text, Matcher matcher, int groups) {
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long[] numbers = new long[groups];
        for (int i = 0; i < groups; i++) {
            numbers[i] = Long.parseLong(matcher.group(i + 1));
        }
        return Optional.of(new ReleaseVersion(text, numbers));
    }

    private static Optional<ReleaseVersion> dotted(String text) {
        if (!DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        String[] parts = text.split("[-+]", 2)[0].split("\\.");
        return Optional.of(new ReleaseVersion(text, Arrays.stream(parts).mapToLong(Long::parseLong).toArray()));
    }

    private static String lastWord(String text) {
        int space = text.lastIndexOf(' ');
        return space < 0 ? text : text.substring(space + 1);
    }
}
