package io.plinth.viewservice.apps;

import io.plinth.kernel.problem.FieldError;
import java.util.List;

/**
 * A participant of publishing (catalogs) did not do what it was asked: it refused with a problem
 * ({@code status} 4xx: its transaction rolled back, nothing changed), failed ({@code 5xx}), or
 * could not be reached or did not answer in time ({@code status} 0). For the last two nobody
 * knows whether the change happened.
 */
class ParticipantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String UNREACHABLE = "participant-unreachable";
    static final String TOKEN_EXPIRED = "token-expired";

    private final String participant;
    private final int status;
    private final String code;
    private final String detail;
    private final transient List<FieldError> errors;

    ParticipantException(String participant, int status, String code, String detail, List<FieldError> errors) {
        super(participant + " answered " + (status == 0 ? "nothing" : status) + " " + code + ": " + detail);
        this.participant = participant;
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static ParticipantException unreachable(String participant, String detail) {
        return new ParticipantException(participant, 0, UNREACHABLE, detail, List.of());
    }

    /** The participant refused: its answer says nothing was changed. */
    boolean refused() {
        return status >= 400 && status < 500;
    }

    /** The reason a publication record shows: who, the problem code and its detail, and what to do. */
    String reason() {
        String said = status == 0 ? participant + ": " + detail
                : participant + " answered " + status + " " + code + ": " + detail;
        return switch (code) {
            case "unauthenticated", TOKEN_EXPIRED -> said + " (the publishing user's sign-in is no longer valid:"
                    + " sign in again and publish again)";
            case "forbidden" -> said + " (the publishing user needs this permission in " + participant + ")";
            case "data-loss-not-confirmed" -> said + " (publish again with ?confirmDataLoss=true to accept the loss)";
            default -> said;
        };
    }

    String participant() {
        return participant;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }

    List<FieldError> errors() {
        return errors;
    }
}
