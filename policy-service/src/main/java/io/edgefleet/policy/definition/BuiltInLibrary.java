package io.edgefleet.policy.definition;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.edgefleet.policy.engine.RuleKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The built-in policies shipped with the service ({@code policies/builtin.yaml}): read-only,
 * versioned by the file. At start every rule is compiled (a built-in that does not compile stops
 * the service: it is a defect of this release) and the stored definitions are brought up to date
 * where they differ from the file (their version bumps), keeping their ids so assignments stay
 * valid. Replicas starting together write the same rows.
 */
@ApplicationScoped
public class BuiltInLibrary {

    private static final String RESOURCE = "/policies/builtin.yaml";

    /** One built-in as the library file has it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BuiltIn(String name, String displayName, String description, String category, String kind,
                          boolean edgeRule, String field, String message, Map<String, Object> parameters,
                          Map<String, Object> defaults, String rule) {

        public UUID id() {
            return idOf(name);
        }
    }

    /** The library file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Library(String version, List<BuiltIn> policies) {
    }

    private final Library library;
    private final PolicyRules rules;
    private final PolicyParameters parameters;
    private final PolicyUse uses;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public BuiltInLibrary(PolicyRules rules, PolicyParameters parameters, PolicyUse uses, EntityManager entityManager,
                          ObjectMapper json, Clock clock) {
        this.uses = uses;
        this.rules = rules;
        this.parameters = parameters;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.library = load();
    }

    /** A built-in's id: the same in every installation, from its name. */
    public static UUID idOf(String name) {
        return UUID.nameUUIDFromBytes(("edgefleet.builtin/" + name).getBytes(StandardCharsets.UTF_8));
    }

    public Library library() {
        return library;
    }

    /** The built-ins to assign in audit mode to every organization by default. */
    public List<BuiltIn> edgeRules() {
        return library.policies().stream().filter(BuiltIn::edgeRule).toList();
    }

    @Transactional
    void sync(@Observes StartupEvent started) {
        for (BuiltIn policy : library.policies()) {
            RuleKind kind = RuleKind.fromWire(policy.kind()).orElseThrow(() -> new IllegalStateException(
                    "built-in " + policy.name() + " has kind " + policy.kind()));
            parameters.requireSchema(policy.parameters());
            rules.compile(policy.rule(), kind, policy.field(), policy.message(), policy.defaults());
            if (upsert(policy) > 0) {
                // A built-in this release changed: its assignments judge their scopes again (and re-publish deny rules).
                uses.changed(policy.id());
            }
        }
    }

    /** Inserts or updates the built-in's row; returns 1 when it changed (or is new), 0 when it already matched the file. */
    private int upsert(BuiltIn policy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return entityManager.createNativeQuery("INSERT INTO policy_definition (id, org_id, name, display_name, description, category, "
                        + "kind, rule, field, message, parameters, defaults, edge_rule, library_version, created_at, updated_at, version) "
                        + "VALUES (:id, NULL, :name, :display, :description, :category, :kind, :rule, :field, :message, "
                        + "CAST(:parameters AS jsonb), CAST(:defaults AS jsonb), :edge, :library, :now, :now, 0) "
                        + "ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, description = EXCLUDED.description, "
                        + "category = EXCLUDED.category, kind = EXCLUDED.kind, rule = EXCLUDED.rule, field = EXCLUDED.field, "
                        + "message = EXCLUDED.message, parameters = EXCLUDED.parameters, defaults = EXCLUDED.defaults, "
                        + "edge_rule = EXCLUDED.edge_rule, library_version = EXCLUDED.library_version, updated_at = EXCLUDED.updated_at, "
                        + "version = policy_definition.version + 1 WHERE (" + columns("policy_definition.") + ") IS DISTINCT FROM ("
                        + columns("EXCLUDED.") + ")")
                .setParameter("id", policy.id()).setParameter("name", policy.name())
                .setParameter("display", policy.displayName()).setParameter("description", policy.description())
                .setParameter("category", policy.category()).setParameter("kind", policy.kind())
                .setParameter("rule", policy.rule()).setParameter("field", policy.field())
                .setParameter("message", policy.message())
                .setParameter("parameters", policy.parameters() == null ? null : text(policy.parameters()))
                .setParameter("defaults", text(policy.defaults() == null ? Map.of() : policy.defaults()))
                .setParameter("edge", policy.edgeRule()).setParameter("library", library.version())
                .setParameter("now", now).executeUpdate();
    }

    /** What a built-in's row holds of the file: any difference updates the row and its version. */
    private static String columns(String table) {
        return java.util.stream.Stream.of("display_name", "description", "category", "kind", "rule", "field", "message",
                "parameters", "defaults", "edge_rule", "library_version").map(c -> table + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the library file; also used by tests that judge each built-in on its fixtures. */
    public static Library load() {
        try (InputStream in = BuiltInLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new YAMLMapper().readValue(in, Library.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
