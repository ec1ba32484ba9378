package io.plinth.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class UserStatusChangeTest {

    @Test
    void theAllowedMoves() {
        assertThat(UserStatusChange.DISABLE.apply(UserStatus.ACTIVE)).isEqualTo(UserStatus.DISABLED);
        assertThat(UserStatusChange.DISABLE.apply(UserStatus.LOCKED)).isEqualTo(UserStatus.DISABLED);
        assertThat(UserStatusChange.ENABLE.apply(UserStatus.DISABLED)).isEqualTo(UserStatus.ACTIVE);
        assertThat(UserStatusChange.LOCK.apply(UserStatus.ACTIVE)).isEqualTo(UserStatus.LOCKED);
        assertThat(UserStatusChange.UNLOCK.apply(UserStatus.LOCKED)).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void askingForTheCurrentStatusChangesNothing() {
        for (UserStatusChange change : UserStatusChange.values()) {
            UserStatus target = change.apply(change == UserStatusChange.ENABLE ? UserStatus.DISABLED
                    : change == UserStatusChange.UNLOCK ? UserStatus.LOCKED : UserStatus.ACTIVE);
            assertThat(change.apply(target)).isEqualTo(target);
        }
    }

    @Test
    void enablingALockedUserOrUnlockingADisabledOneIsRefusedWithAHint() {
        ProblemException enable = catchThrowableOfType(ProblemException.class,
                () -> UserStatusChange.ENABLE.apply(UserStatus.LOCKED));
        assertThat(enable.problem().status()).isEqualTo(409);
        assertThat(enable.problem().code()).isEqualTo("status-conflict");
        assertThat(enable.problem().detail()).contains("unlock the user instead");

        ProblemException unlock = catchThrowableOfType(ProblemException.class,
                () -> UserStatusChange.UNLOCK.apply(UserStatus.DISABLED));
        assertThat(unlock.problem().detail()).contains("enable the user instead");

        ProblemException lock = catchThrowableOfType(ProblemException.class,
                () -> UserStatusChange.LOCK.apply(UserStatus.DISABLED));
        assertThat(lock.problem().status()).isEqualTo(409);
    }

    @Test
    void actionsNameTheEvents() {
        assertThat(UserStatusChange.UNLOCK.action()).isEqualTo("user.unlocked");
        assertThat(UserStatusChange.DISABLE.action()).isEqualTo("user.disabled");
    }
}
