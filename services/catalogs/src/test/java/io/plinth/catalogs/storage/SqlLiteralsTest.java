package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    @Test
    void quotesAreDoubled() {
        assertThat(SqlLiterals.string("it's")).isEqualTo("'it''s'");
        assertThat(SqlLiterals.string("'); DROP TABLE x; --")).isEqualTo("'''); DROP TABLE x; --'");
    }

    @Test
    void backslashesUseAnEscapeStringSoTheMeaningNeverDependsOnServerSettings() {
        assertThat(SqlLiterals.string("a\\'b")).isEqualTo("E'a\\\\''b'");
    }

    @Test
    void theNulCharacterIsRefused() {
        assertThatThrownBy(() -> SqlLiterals.string("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreTypedConstants() {
        var types = TestDatabase.types("{'types': [{'key': 't', 'fields': ["
                + "{'key': 'a', 'type': 'integer', 'default': -3}, {'key': 'b', 'type': 'boolean', 'default': true},"
                + "{'key': 'c', 'type': 'json', 'default': {'k': 1}}, {'key': 'd', 'type': 'decimal', 'precision': 4,"
                + " 'scale': 1, 'default': 2}, {'key': 'e', 'type': 'enum', 'values': ['x'], 'default': 'x'}]}]}");
        assertThat(types.get(0).fields()).extracting(SqlLiterals::defaultOf).containsExactly("'-3'::bigint", "true",
                "'{\"k\":1}'::jsonb", "'2.0'::numeric(4,1)", "'x'::text");
    }
}
