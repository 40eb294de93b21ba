package io.edgefleet.rest.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgefleet.core.error.CommonErrorCode;
import io.edgefleet.core.error.FleetException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void tokenRoundTrips() {
        assertEquals("device-42", Cursor.parse(Cursor.after("device-42").token()).afterKey());
    }

    @Test
    void foreignTokensAreRejected() {
        for (String token : List.of("not base64!", "aGVsbG8", "djE6")) {
            FleetException e = assertThrows(FleetException.class, () -> Cursor.parse(token));
            assertEquals(CommonErrorCode.INVALID_CURSOR, e.errorCode());
        }
    }

    @Test
    void overfetchTellsWhetherANextPageExists() {
        Page<String> full = Page.fromOverfetch(List.of("a", "b", "c"), 2, s -> s, String::toUpperCase);
        assertEquals(List.of("A", "B"), full.items());
        assertEquals("b", Cursor.parse(full.nextCursor()).afterKey());

        Page<String> last = Page.fromOverfetch(List.of("a", "b"), 2, s -> s, String::toUpperCase);
        assertNull(last.nextCursor());
    }

    @Test
    void limitIsValidated() {
        assertEquals(ListQuery.DEFAULT_LIMIT, new ListQuery(null, null, null).limit());
        assertEquals(7, new ListQuery("7", null, null).limit());
        for (String bad : List.of("0", "501", "ten", "-1")) {
            FleetException e = assertThrows(FleetException.class, () -> new ListQuery(bad, null, null).limit());
            assertEquals(CommonErrorCode.INVALID_LIMIT, e.errorCode());
        }
    }
}
