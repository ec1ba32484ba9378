package io.plinth.kernel.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcCallsTest {

    @Test
    void problemsMapToTheMatchingStatus() {
        assertThat(GrpcCalls.statusOf(ProblemException.notFound("App", "crm").problem()).getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcCalls.statusOf(ProblemException.conflict("app-key-taken", "taken").problem()).getCode())
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(GrpcCalls.statusOf(ProblemException.conflict("version-conflict", "stale").problem()).getCode())
                .isEqualTo(Status.Code.ABORTED);
        assertThat(GrpcCalls.statusOf(ProblemException.conflict("concurrent-change", "locked").problem()).getCode())
                .isEqualTo(Status.Code.ABORTED);
        assertThat(GrpcCalls.statusOf(Problem.of(500, "internal-error", "Internal error", null)).getCode())
                .isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void validationFailuresCarryEveryFieldPath() {
        Status status = GrpcCalls.statusOf(Problem.validation(List.of(
                new FieldError("recipient", "must not be blank"), new FieldError("body", "size must be at most 20000"))));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription())
                .isEqualTo("validation-failed: recipient must not be blank; body size must be at most 20000");
    }
}
