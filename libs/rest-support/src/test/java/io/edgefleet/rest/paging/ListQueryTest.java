package io.edgefleet.rest.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void limitDefaultsAndBounds() {
        assertEquals(ListQuery.DEFAULT_LIMIT, new ListQuery(null, null, null).limit());
        assertEquals(500, new ListQuery("500", null, null).limit());
        assertEquals(CommonErrorCode.INVALID_LIMIT, assertThrows(FleetException.class,
                () -> new ListQuery("501", null, null).limit()).errorCode());
        assertEquals(CommonErrorCode.INVALID_LIMIT, assertThrows(FleetException.class,
                () -> new ListQuery("ten", null, null).limit()).errorCode());
    }

    @Test
    void listsWithoutLabelsRefuseASelectorRatherThanIgnoreIt() {
        new ListQuery(null, null, null).refuseLabelSelector("groups");
        new ListQuery(null, null, " ").refuseLabelSelector("groups");
        FleetException refused = assertThrows(FleetException.class,
                () -> new ListQuery(null, null, "env=prod").refuseLabelSelector("groups"));
        assertEquals(CommonErrorCode.VALIDATION_FAILED, refused.errorCode());
    }

    /** The bounds the contract documents for paging and selectors are the ones enforced. */
    @Test
    void cursorsAndSelectorsHaveTheirDocumentedBounds() {
        assertEquals(CommonErrorCode.INVALID_CURSOR, assertThrows(FleetException.class,
                () -> new ListQuery(null, "c".repeat(254), null).cursor()).errorCode());
        assertEquals(CommonErrorCode.INVALID_LABEL_SELECTOR, assertThrows(FleetException.class,
                () -> new SelectorListQuery(null, null, "a".repeat(1_025)).labelSelector()).errorCode());
        assertEquals("env=prod", new SelectorListQuery(null, null, "env=prod").labelSelector().toString());
    }
}
