package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.LabelSelector;
import io.edgefleet.core.limits.Limits;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of a list of labelled things: paging and a Kubernetes label selector. */
public class SelectorListQuery extends PageQuery {

    @QueryParam("labelSelector")
    @Parameter(description = "Kubernetes label selector, e.g. `env=prod,tier in (edge,core),!canary`.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.TEXT))
    String labelSelector;

    public SelectorListQuery() {
    }

    public SelectorListQuery(String limit, String cursor, String labelSelector) {
        super(limit, cursor);
        this.labelSelector = labelSelector;
    }

    public LabelSelector labelSelector() {
        if (labelSelector != null && labelSelector.length() > Limits.TEXT) {
            throw new FleetException(CommonErrorCode.INVALID_LABEL_SELECTOR, "labelSelector has at most " + Limits.TEXT
                    + " characters");
        }
        return LabelSelector.parse(labelSelector);
    }
}
