package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageNamesTest {

    private final StorageNames shop = new StorageNames("shop");

    @Test
    void shortNamesAreReadable() {
        assertThat(shop.table("order")).isEqualTo("\"catalogs\".\"shop__order\"");
        assertThat(shop.linkTable("order", "tags")).isEqualTo("\"catalogs\".\"shop__order__tags\"");
        assertThat(shop.tableObject("order", "pkey")).isEqualTo("\"shop__order$pkey\"");
        assertThat(shop.fieldObject("order", "number", "key")).isEqualTo("\"shop__order__number$key\"");
    }

    @Test
    void namesBeyondTheLimitAreCutAndHashedDeterministically() {
        String app = "a" + "b".repeat(62);
        StorageNames names = new StorageNames(app);
        String table = names.tableName("t".repeat(30));

        assertThat(table).hasSize(63).startsWith(app.substring(0, 50) + "#").matches(".{50}#[0-9a-f]{12}");
        assertThat(new StorageNames(app).tableName("t".repeat(30))).isEqualTo(table);
        assertThat(names.tableName("t".repeat(29) + "u")).isNotEqualTo(table).startsWith(app.substring(0, 50));
        assertThat(names.linkTableName("t".repeat(30), "f")).isNotEqualTo(table).hasSize(63);
    }

    @Test
    void aNameOfExactly63BytesIsKept() {
        String app = "a".repeat(63 - 2 - 10);
        assertThat(new StorageNames(app).tableName("t".repeat(10))).isEqualTo(app + "__" + "t".repeat(10));
        assertThat(new StorageNames(app).tableName("t".repeat(11))).contains("#");
    }

    @Test
    void quotingDoublesQuotes() {
        assertThat(StorageNames.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
