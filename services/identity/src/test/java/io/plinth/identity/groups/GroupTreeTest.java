package io.plinth.identity.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

    /** company > sales > sales-east > sales-east-retail; company > it */
    private final Map<String, String> parents = new HashMap<>(Map.of(
            "sales", "company",
            "sales-east", "sales",
            "sales-east-retail", "sales-east",
            "it", "company"));

    @Test
    void movingUnderAnUnrelatedGroupIsFine() {
        assertThat(GroupTree.loop("sales", "it", parents::get)).isEmpty();
        assertThat(GroupTree.loop("sales-east-retail", "company", parents::get)).isEmpty();
    }

    @Test
    void movingUnderItsOwnDescendantIsALoopWithItsPath() {
        assertThat(GroupTree.loop("sales", "sales-east-retail", parents::get))
                .containsExactly("sales-east-retail", "sales-east", "sales");
        assertThat(GroupTree.loop("company", "sales-east", parents::get))
                .containsExactly("sales-east", "sales", "company");
    }

    @Test
    void aGroupUnderItselfIsALoop() {
        assertThat(GroupTree.loop("it", "it", parents::get)).containsExactly("it");
    }

    @Test
    void aTopLevelParentEndsTheWalk() {
        assertThat(GroupTree.loop("it", "company", parents::get)).isEmpty();
    }

    @Test
    void anExistingLoopAboveTheParentIsReportedNotWalkedForever() {
        parents.put("company", "sales-east");

        assertThatThrownBy(() -> GroupTree.loop("it", "sales", parents::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already form a loop");
    }
}
