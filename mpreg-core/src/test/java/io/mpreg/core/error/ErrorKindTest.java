package io.mpreg.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErrorKindTest {

    /** Wire codes are append-only: this list may only grow at its end. */
    @Test
    void errorCodesArePinned() {
        Map<ErrorKind, Integer> pinned = new LinkedHashMap<>();
        pinned.put(ErrorKind.UNKNOWN_ROLE, 1000);
        pinned.put(ErrorKind.FUNCTION_NOT_FOUND, 1001);
        pinned.put(ErrorKind.INTERNAL, 1002);
        pinned.put(ErrorKind.FUNCTION_FAILED, 1003);
        pinned.put(ErrorKind.TIMEOUT, 1004);
        pinned.put(ErrorKind.MALFORMED, 1005);
        pinned.put(ErrorKind.DUPLICATE_NAME, 1006);
        pinned.put(ErrorKind.CYCLE, 1007);
        pinned.put(ErrorKind.FIELD_NOT_FOUND, 1008);
        pinned.put(ErrorKind.BAD_ARGUMENTS, 1009);
        pinned.put(ErrorKind.NODE_LOST, 1010);
        pinned.put(ErrorKind.OVERLOADED, 1011);
        pinned.put(ErrorKind.UNAUTHORIZED, 1012);
        pinned.put(ErrorKind.FORBIDDEN, 1013);

        assertThat(ErrorKind.values()).hasSizeGreaterThanOrEqualTo(pinned.size());
        pinned.forEach((kind, code) -> {
            assertThat(kind.code()).as(kind.name()).isEqualTo(code);
            assertThat(ErrorKind.ofCode(code)).contains(kind);
        });
    }

    @Test
    void codesAreDistinctAndAppendedInOrder() {
        ErrorKind[] kinds = ErrorKind.values();
        for (int i = 0; i < kinds.length; i++) {
            assertThat(kinds[i].code()).isEqualTo(1000 + i);
        }
    }

    @Test
    void unknownCodeHasNoKind() {
        assertThat(ErrorKind.ofCode(999)).isEmpty();
        assertThat(ErrorKind.ofCode(99_999)).isEmpty();
    }

    @Test
    void onlyInternalFaultsRecordAStackTrace() {
        assertThat(MpregException.of(ErrorKind.TIMEOUT, "late").getStackTrace()).isEmpty();
        assertThat(MpregException.internal("bug", new IllegalStateException()).getStackTrace()).isNotEmpty();
    }
}
