package io.edgefleet.rest.openapi;

import io.edgefleet.rest.problem.Problem;
import io.edgefleet.rest.security.FleetRoles;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The one place where every service's OpenAPI document gets what holds for all of its
 * operations, so no resource repeats it: the {@code Problem} schema and the refusals every
 * operation can answer with it (400; 401 and 403 when it is secured; 404 when its path names a
 * resource), problem+json content on every error response an operation declares itself (409,
 * 412, 413, 422, ...), and the device-token security scheme next to the user-token one.
 */
public class ApiConventions implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(PROBLEM, problemSchema());
        api.getComponents().addSecurityScheme(FleetRoles.DEVICE_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A device access token from POST /api/v1/device-tokens"));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(op -> document(path, op)));
    }

    private static java.util.Collection<Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        return operations == null ? java.util.List.of() : operations.values();
    }

    private static void document(String path, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        refusal(responses, "400", "The request is malformed or breaks an input rule (code VALIDATION_FAILED and others).");
        boolean secured = op.getSecurity() == null || op.getSecurity().stream().anyMatch(r -> !r.getSchemes().isEmpty());
        if (secured) {
            refusal(responses, "401", "No valid token (code UNAUTHENTICATED, DEVICE_TOKEN_INVALID, DEVICE_REVOKED).");
            refusal(responses, "403", "The caller's role or device does not allow this (code FORBIDDEN and others).");
        }
        if (path.contains("{")) {
            refusal(responses, "404", "No such resource in the caller's organization (code *_NOT_FOUND).");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void refusal(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable `code` and the fields that failed.")
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[A-Z][A-Z0-9_]*$"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text).addProperty("message", text)));
    }
}
