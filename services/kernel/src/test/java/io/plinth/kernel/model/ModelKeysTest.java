package io.plinth.kernel.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelKeysTest {

    @Test
    void typeKeysAreShortLowerCaseNamesWithSingleUnderscores() {
        assertThat(ModelKeys.isTypeKey("customer")).isTrue();
        assertThat(ModelKeys.isTypeKey("order_line_2")).isTrue();
        assertThat(ModelKeys.isTypeKey("a_")).isTrue();
        assertThat(ModelKeys.isTypeKey("a".repeat(30))).isTrue();
        assertThat(ModelKeys.isTypeKey("a".repeat(31))).isFalse();
        assertThat(ModelKeys.isTypeKey("order__line")).as("catalogs' name separator").isFalse();
        assertThat(ModelKeys.isTypeKey("a__")).isFalse();
        assertThat(ModelKeys.isTypeKey("_a")).isFalse();
        assertThat(ModelKeys.isTypeKey("Order")).isFalse();
        assertThat(ModelKeys.isTypeKey("a-b")).isFalse();
        assertThat(ModelKeys.isTypeKey("a\"; DROP")).isFalse();
        assertThat(ModelKeys.isTypeKey(null)).isFalse();
    }

    @Test
    void appKeysUseDashesNotUnderscores() {
        assertThat(ModelKeys.isAppKey("crm-2")).isTrue();
        assertThat(ModelKeys.isAppKey("c")).isFalse();
        assertThat(ModelKeys.isAppKey("crm_2")).isFalse();
        assertThat(ModelKeys.isAppKey("2crm")).isFalse();
    }

    @Test
    void systemAndHiddenColumnsAreReserved() {
        assertThat(ModelKeys.RESERVED_FIELDS).contains("tenant", "partition", "xmin", "ctid", "owner");
        assertThat(ModelKeys.RESERVED_FIELDS).allMatch(ModelKeys::isTypeKey);
    }
}
