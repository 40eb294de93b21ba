package io.edgefleet.inventory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgefleet.inventory.repository.AuditRepository.StoredEntry;
import io.edgefleet.inventory.service.AuditLog;
import io.edgefleet.rest.paging.Page;
import io.edgefleet.rest.security.CurrentOrganization;
import io.edgefleet.rest.security.FleetRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The fleet-wide audit log, for admins: every change any service made and every refused caller,
 * newest first, kept for {@code edgefleet.audit.retention}.
 */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private static final TypeReference<List<AuditEntryView.Change>> CHANGES = new TypeReference<>() {
    };

    private final AuditLog log;
    private final CurrentOrganization org;
    private final ObjectMapper json;

    public AuditResource(AuditLog log, CurrentOrganization org, ObjectMapper json) {
        this.log = log;
        this.org = org;
        this.json = json;
    }

    @Operation(operationId = "listAuditEvents", summary = "List the organization's audit entries, newest first")
    @GET
    @RolesAllowed(FleetRoles.ADMIN)
    public Page<AuditEntryView> list(@BeanParam AuditQuery query) {
        int limit = query.limit();
        List<StoredEntry> rows = log.page(org.id(), query.filter(), query.after(), limit + 1);
        return Page.fromOverfetch(rows, limit, e -> AuditQuery.key(e.at(), e.id()), this::view);
    }

    private AuditEntryView view(StoredEntry e) {
        return new AuditEntryView(e.id().toString(), e.at(), new AuditEntryView.Actor(e.actorKind(), e.actor()), e.action(),
                e.resourceType(), e.resourceId(), e.outcome(), e.code(), changes(e.changesJson()), e.requestId(),
                e.sourceAddress(), e.method(), e.path(), e.service());
    }

    private List<AuditEntryView.Change> changes(String changesJson) {
        try {
            return json.readValue(changesJson, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit changes are not JSON", e);
        }
    }
}
