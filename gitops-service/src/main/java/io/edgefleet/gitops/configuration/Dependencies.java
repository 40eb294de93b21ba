package io.edgefleet.gitops.configuration;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.gitops.configuration.ConfigurationSpec.Kustomization;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A configuration's {@code dependsOn} names kustomizations of the same configuration and never loops (Flux would wait forever). */
final class Dependencies {

    private Dependencies() {
    }

    static void requireAcyclic(List<Kustomization> kustomizations) {
        Map<String, List<String>> edges = new HashMap<>();
        for (int i = 0; i < kustomizations.size(); i++) {
            Kustomization k = kustomizations.get(i);
            for (String dependency : k.dependsOn()) {
                if (kustomizations.stream().noneMatch(other -> other.name().equals(dependency)) || dependency.equals(k.name())) {
                    throw FleetException.unprocessable("spec.kustomizations[" + i + "].dependsOn",
                            "names another kustomization of this configuration: '" + dependency + "' is none");
                }
            }
            edges.put(k.name(), k.dependsOn());
        }
        Set<String> done = new HashSet<>();
        for (String name : edges.keySet()) {
            visit(name, edges, new HashSet<>(), done);
        }
    }

    private static void visit(String name, Map<String, List<String>> edges, Set<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw FleetException.unprocessable("spec.kustomizations", "dependsOn loops through '" + name + "'");
        }
        for (String next : edges.get(name)) {
            visit(next, edges, path, done);
        }
        path.remove(name);
        done.add(name);
    }
}
