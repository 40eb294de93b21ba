package io.edgefleet.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's OpenAPI document, called by every kind of caller, is let in
 * or refused exactly as the role it declares says (its {@code security} requirement, generated
 * from its {@code @RolesAllowed}; none for {@code @PermitAll}), and a caller whose role covers
 * some devices only is let in only where the operation is {@code @DeviceScoped} in code. An
 * operation that declares nothing fails the test. Expectations come from the declarations, never
 * from answers seen. Each service's {@code AuthorizationMatrixTest} extends it.
 */
public abstract class AuthorizationMatrixContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final List<String> LEVELS = List.of("fleet-viewer", "fleet-operator", "fleet-admin");

    protected final TenantApi tenant = new TenantApi();
    private final List<String> failures = new ArrayList<>();

    /** A token of a user of {@link #tenant}'s organization holding operator over some devices only, once in force. */
    protected abstract String scopedOperatorToken();

    /** A device access token, where the service has device endpoints. */
    protected Optional<String> deviceToken() {
        return Optional.empty();
    }

    /** What an operation declares. */
    private record Declared(String role, boolean device, boolean open) {
    }

    /** Who calls: a bearer token (none when null), and what it holds. */
    private record Caller(String name, String token, String level, boolean device, boolean scoped) {
    }

    @Test
    void everyOperationAnswersEachCallerAsItsDeclaredRoleSays() throws Exception {
        JsonNode document = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").asString());
        Map<String, Method> operations = operationsInCode();
        List<Caller> callers = callers();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Method method = operations.get(op.getValue().path("operationId").asText());
                Optional<Declared> declared = method == null ? Optional.empty() : declared(op.getValue(), method);
                if (declared.isEmpty()) {
                    failures.add(name + ": declares no role" + (method == null ? " (and no operation in code has its id)" : ""));
                    continue;
                }
                boolean deviceScoped = annotated(method, "DeviceScoped");
                for (Caller caller : callers) {
                    check(name, path.getKey(), op.getKey(), declared.get(), deviceScoped, caller);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "the document lists operations");
        assertEquals(List.of(), failures, checked + " calls");
    }

    private void check(String name, String template, String method, Declared declared, boolean deviceScoped, Caller caller) {
        Expectation expected = expected(declared, deviceScoped, caller);
        Response answer = call(caller, method, template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
        int status = answer.statusCode();
        String code = answer.contentType() != null && answer.contentType().contains("json") ? answer.path("code") : null;
        boolean refused = status == 401 || (status == 403 && ("FORBIDDEN".equals(code) || "NO_ORGANIZATION".equals(code)));
        boolean ok = switch (expected) {
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403 && "FORBIDDEN".equals(code);
            case ADMITTED -> !refused;
        };
        if (!ok) {
            failures.add(name + " as " + caller.name() + ": expected " + expected + ", got " + status + " " + code);
        }
    }

    private enum Expectation { UNAUTHENTICATED, FORBIDDEN, ADMITTED }

    private static Expectation expected(Declared declared, boolean deviceScoped, Caller caller) {
        if (declared.open()) {
            return Expectation.ADMITTED;
        }
        if (caller.token() == null) {
            return Expectation.UNAUTHENTICATED;
        }
        if (declared.device()) {
            return caller.device() ? Expectation.ADMITTED : Expectation.UNAUTHENTICATED;
        }
        if (caller.device()) {
            return Expectation.UNAUTHENTICATED;
        }
        boolean levelEnough = LEVELS.indexOf(caller.level()) >= LEVELS.indexOf(declared.role());
        if (!levelEnough) {
            return Expectation.FORBIDDEN;
        }
        return caller.scoped() && !deviceScoped ? Expectation.FORBIDDEN : Expectation.ADMITTED;
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>(List.of(new Caller("nobody", null, null, false, false)));
        for (String level : LEVELS) {
            callers.add(new Caller(level, TestTokens.forRole(level, tenant.org()), level, false, false));
        }
        callers.add(new Caller("admin of another organization", TestTokens.forRole("fleet-admin", "org-" + UUID.randomUUID()),
                "fleet-admin", false, false));
        callers.add(new Caller("scoped operator", scopedOperatorToken(), "fleet-operator", false, true));
        deviceToken().ifPresent(token -> callers.add(new Caller("device", token, null, true, false)));
        return callers;
    }

    private static Response call(Caller caller, String method, String path) {
        RequestSpecification request = given().contentType(ContentType.JSON).urlEncodingEnabled(false);
        if (caller.token() != null) {
            request = request.auth().oauth2(caller.token());
        }
        if (BODY_METHODS.contains(method)) {
            request = request.body("{}");
        }
        return request.when().request(method.toUpperCase(), path);
    }

    /**
     * The role an operation declares: its security requirement; an operation open to anyone
     * states an empty one (or none) in OpenAPI and is {@code @PermitAll} in code.
     */
    private static Optional<Declared> declared(JsonNode operation, Method method) {
        JsonNode security = operation.get("security");
        if (security == null || !security.isArray() || security.isEmpty() || security.get(0).isEmpty()) {
            return annotated(method, "PermitAll") ? Optional.of(new Declared(null, false, true)) : Optional.empty();
        }
        JsonNode requirement = security.get(0);
        if (requirement.has(FLEET_DEVICE_SCHEME)) {
            return Optional.of(new Declared(null, true, false));
        }
        JsonNode roles = requirement.path("userToken");
        if (!roles.isArray() || roles.isEmpty()) {
            return Optional.empty();
        }
        String least = null;
        for (JsonNode role : roles) {
            if (LEVELS.contains(role.asText()) && (least == null || LEVELS.indexOf(role.asText()) < LEVELS.indexOf(least))) {
                least = role.asText();
            }
        }
        return Optional.ofNullable(least).map(role -> new Declared(role, false, false));
    }

    private static final String FLEET_DEVICE_SCHEME = "deviceToken";

    /** Every REST operation of the running application by its operation id. */
    private static Map<String, Method> operationsInCode() {
        Map<String, Method> operations = new HashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class)) {
                Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Operation.class))
                        .forEach(m -> operations.put(m.getAnnotation(Operation.class).operationId(), m));
            }
        }
        return operations;
    }

    private static boolean annotated(Method method, String simpleName) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName().equals(simpleName))
                || Arrays.stream(method.getDeclaringClass().getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals(simpleName));
    }
}
