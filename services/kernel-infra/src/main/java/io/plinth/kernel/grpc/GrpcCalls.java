package io.plinth.kernel.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a unary call and answers with its result, or with the gRPC status that matches the
 * problem it raised. Unexpected failures become INTERNAL with a reference, never a stack trace.
 */
public final class GrpcCalls {

    private static final Logger LOG = Logger.getLogger(GrpcCalls.class.getName());

    /** Conflicts a caller resolves by reading again and retrying: ABORTED in gRPC's terms, not ALREADY_EXISTS. */
    private static final Set<String> RETRY_CONFLICTS = Set.of("version-conflict", "concurrent-change");

    private GrpcCalls() {
    }

    public static <T> void unary(StreamObserver<T> observer, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (ProblemException e) {
            observer.onError(statusOf(e.problem()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error in gRPC call, reference " + reference, e);
            observer.onError(Status.INTERNAL.withDescription("internal-error: quote reference " + reference)
                    .asRuntimeException());
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }

    static Status statusOf(Problem problem) {
        Status status = switch (problem.status()) {
            case 400 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409 -> RETRY_CONFLICTS.contains(problem.code()) ? Status.ABORTED : Status.ALREADY_EXISTS;
            case 412 -> Status.FAILED_PRECONDITION;
            case 429 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
        StringBuilder description = new StringBuilder(problem.code());
        if (problem.errors().isEmpty()) {
            description.append(problem.detail() == null ? "" : ": " + problem.detail());
        } else {
            // Callers over gRPC need the same field paths REST clients get.
            String separator = ": ";
            for (FieldError error : problem.errors()) {
                description.append(separator).append(error.field()).append(' ').append(error.message());
                separator = "; ";
            }
        }
        return status.withDescription(description.toString());
    }
}
