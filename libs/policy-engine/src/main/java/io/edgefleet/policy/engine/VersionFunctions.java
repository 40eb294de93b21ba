package io.edgefleet.policy.engine;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes and agent versions in rules ({@code v1.30.4}, {@code v1.30.4+k3s1}, {@code 1.31.0-rc.1}):
 * {@code majorVersion(v)}, {@code minorVersion(v)} and {@code compareVersions(a, b)} (-1, 0 or 1,
 * by major, minor and patch; a build or pre-release suffix is ignored). A value that is not a
 * version is an evaluation error, which the rule's verdict reports.
 */
final class VersionFunctions {

    private VersionFunctions() {
    }

    static List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("majorVersion",
                        CelOverloadDecl.newGlobalOverload("majorVersion_string", SimpleType.INT, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("minorVersion",
                        CelOverloadDecl.newGlobalOverload("minorVersion_string", SimpleType.INT, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("compareVersions",
                        CelOverloadDecl.newGlobalOverload("compareVersions_string_string", SimpleType.INT,
                                SimpleType.STRING, SimpleType.STRING)));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("majorVersion_string", String.class, version -> (long) parts(version)[0]),
                CelFunctionBinding.from("minorVersion_string", String.class, version -> (long) parts(version)[1]),
                CelFunctionBinding.from("compareVersions_string_string", String.class, String.class,
                        (a, b) -> (long) compare(a, b)));
    }

    static int compare(String a, String b) {
        int[] left = parts(a);
        int[] right = parts(b);
        for (int i = 0; i < 3; i++) {
            int order = Integer.compare(left[i], right[i]);
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        return 0;
    }

    /** Major, minor and patch of {@code version}; a missing patch is 0. */
    static int[] parts(String version) {
        String core = version.startsWith("v") ? version.substring(1) : version;
        int end = core.length();
        for (char stop : new char[] {'+', '-'}) {
            int at = core.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String[] numbers = core.substring(0, end).split("\\.");
        if (numbers.length < 2 || numbers.length > 3) {
            throw new IllegalArgumentException("'" + version + "' is not a version (major.minor[.patch])");
        }
        int[] parts = new int[3];
        for (int i = 0; i < numbers.length; i++) {
            try {
                parts[i] = Integer.parseInt(numbers[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + version + "' is not a version (major.minor[.patch])", e);
            }
        }
        return parts;
    }
}
