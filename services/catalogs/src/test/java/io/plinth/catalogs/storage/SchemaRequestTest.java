package io.plinth.catalogs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SchemaRequestTest {

    @Test
    void readsVersionsAndTheConfirmation() {
        SchemaRequest request = SchemaRequest.of("shop", TestDatabase.json("{\"types\": [], \"version\": 3,"
                + " \"fromVersion\": 2, \"confirmDataLoss\": true}"), true);
        assertThat(request).extracting(SchemaRequest::version, SchemaRequest::fromVersion,
                SchemaRequest::confirmDataLoss).containsExactly(3L, 2L, true);
        assertThat(SchemaRequest.of("shop", TestDatabase.json("{\"types\": []}"), false).confirmDataLoss()).isFalse();
    }

    @Test
    void refusesBadAppKeysVersionsAndFlags() {
        for (String app : new String[] {"Shop", "s", "shop\"; drop", "shop_1", "a".repeat(64), "1shop"}) {
            assertThatThrownBy(() -> SchemaRequest.of(app, TestDatabase.json("{\"types\": []}"), false))
                    .as(app).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("app"));
        }
        assertThatThrownBy(() -> SchemaRequest.of("shop", TestDatabase.json("{\"types\": [], \"version\": 0,"
                + " \"fromVersion\": \"1\", \"confirmDataLoss\": \"yes\"}"), true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(FieldError::field).containsExactly("version", "fromVersion", "confirmDataLoss"));
        assertThatThrownBy(() -> SchemaRequest.of("shop", TestDatabase.json("{\"types\": []}"), true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .containsExactly(new FieldError("version", "is required")));
        assertThatThrownBy(() -> SchemaRequest.of("shop", null, false)).isInstanceOf(ProblemException.class);
    }
}
