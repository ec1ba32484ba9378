package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void ifMatchNamesADraftRevision() {
        assertThat(Requests.ifMatch("\"7\"")).isEqualTo(7L);
        assertThat(Requests.ifMatch("W/\"7\"")).isEqualTo(7L);
        assertThat(Requests.ifMatch("*")).isNull();
        assertThat(Requests.ifMatch(null)).isNull();
        assertThatThrownBy(() -> Requests.ifMatch("\"abc\"")).isInstanceOf(ProblemException.class);
    }
}
