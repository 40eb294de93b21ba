package io.edgefleet.core.labels;

import io.edgefleet.core.error.FleetException;
import java.util.Map;
import java.util.regex.Pattern;

/** Kubernetes label syntax: keys {@code [prefix/]name}, values of at most 63 characters. */
public final class Labels {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final int MAX_LABELS = io.edgefleet.core.limits.Limits.LABELS;

    private Labels() {
    }

    public static boolean isValidKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return NAME.matcher(key).matches();
        }
        return DNS_SUBDOMAIN.matcher(key.substring(0, slash)).matches()
                && NAME.matcher(key.substring(slash + 1)).matches();
    }

    public static boolean isValidValue(String value) {
        return value.isEmpty() || NAME.matcher(value).matches();
    }

    /** Rejects a label map that breaks the syntax rules with a 422 naming the offending label. */
    public static void validate(String field, Map<String, String> labels) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_LABELS) {
            throw FleetException.unprocessable(field, "at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (key == null || !isValidKey(key)) {
                throw FleetException.unprocessable(field + "." + key,
                        "label keys are [prefix/]name, name up to 63 of [A-Za-z0-9-_.] starting and ending alphanumeric");
            }
            if (value == null || !isValidValue(value)) {
                throw FleetException.unprocessable(field + "." + key,
                        "label values are up to 63 of [A-Za-z0-9-_.] starting and ending alphanumeric");
            }
        });
    }
}
