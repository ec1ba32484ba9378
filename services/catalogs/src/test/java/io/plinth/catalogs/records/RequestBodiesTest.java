package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyIsOneJsonObjectWithinItsLimit() {
        assertThat(RequestBodies.read(body("{\"a\": 1}"), 100).getInt("a")).isEqualTo(1);
        refused(() -> RequestBodies.read(body("{\"a\": \"" + "x".repeat(100) + "\"}"), 100), 413, "body-too-large");
        refused(() -> RequestBodies.read(body("[1]"), 100), 400, "malformed-body");
        refused(() -> RequestBodies.read(body("{} {}"), 100), 400, "malformed-body");
        refused(() -> RequestBodies.read(body("{\"a\": "), 100), 400, "malformed-body");
        refused(() -> RequestBodies.read(body(""), 100), 400, "malformed-body");
        refused(() -> RequestBodies.read(null, 100), 400, "malformed-body");
    }

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
