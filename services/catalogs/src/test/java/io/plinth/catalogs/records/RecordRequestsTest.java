package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordRequestsTest {

    @Test
    void ifMatchNamesAVersion() {
        assertThat(RecordResource.ifMatch("\"12\"")).isEqualTo(12L);
        assertThat(RecordResource.ifMatch(" * ")).isNull();
        assertThat(RecordResource.ifMatch(null)).isNull();
        refused(() -> RecordResource.ifMatch("W/\"1\""), 400, "validation-failed");
        refused(() -> RecordResource.ifMatch("12"), 400, "validation-failed");
    }

    @Test
    void listValuesSplitOnUnescapedCommas() {
        assertThat(RecordQuery.split("a,b\\,c,d\\\\")).containsExactly("a", "b,c", "d\\");
        assertThat(RecordQuery.split("")).containsExactly("");
    }
}
