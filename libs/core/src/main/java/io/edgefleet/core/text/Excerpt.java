package io.edgefleet.core.text;

/**
 * Untrusted or unbounded text quoted in a reason, an error column or a problem body: one line
 * (control characters become spaces), at most {@code max} characters, cut with "…".
 */
public final class Excerpt {

    private Excerpt() {
    }

    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
