package io.plinth.studio.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppDesignerTest {

    @Test
    void aSelectKeepsAValueThatIsNoLongerAChoiceSoViewServiceCanExplainIt() {
        assertThat(AppDesigner.withCurrent(List.of("a", "b"), "gone")).containsExactly("a", "b", "gone");
        assertThat(AppDesigner.withCurrent(List.of("a", "b"), "a")).containsExactly("a", "b");
        assertThat(AppDesigner.withCurrent(List.of("a"), "")).containsExactly("a");
        assertThat(AppDesigner.withCurrent(List.of("a"), null)).containsExactly("a");
    }
}
