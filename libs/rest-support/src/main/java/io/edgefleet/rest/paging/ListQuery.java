package io.edgefleet.rest.paging;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of a list whose items have no labels: paging only. A {@code labelSelector} sent to
 * it anyway is a mistake, refused rather than ignored ({@link #refuseLabelSelector}), and not
 * advertised in the contract.
 */
public class ListQuery extends PageQuery {

    @QueryParam("labelSelector")
    @Parameter(hidden = true)
    String labelSelector;

    public ListQuery() {
    }

    public ListQuery(String limit, String cursor, String labelSelector) {
        super(limit, cursor);
        this.labelSelector = labelSelector;
    }

    /** For lists of things without labels: a selector there is a mistake, not something to ignore. */
    public void refuseLabelSelector(String listed) {
        if (labelSelector != null && !labelSelector.isBlank()) {
            throw new FleetException(CommonErrorCode.VALIDATION_FAILED, "labelSelector selects devices; " + listed
                    + " are not filtered by it");
        }
    }
}
