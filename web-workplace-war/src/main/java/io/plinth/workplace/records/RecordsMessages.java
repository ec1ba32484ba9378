package io.plinth.workplace.records;

import io.plinth.web.faces.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The page-wide messages of the records pages, in the user's words: never a status code or a stack trace. */
final class RecordsMessages {

    private RecordsMessages() {
    }

    static void unavailable() {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                Messages.text("records.unavailable.summary"), Messages.text("records.unavailable.detail")));
    }

    /** A refusal that concerns no single field: what it means for the user. */
    static void refused(RecordsRefusedException refusal) {
        if (refusal.isStaleEdit()) {
            Messages.warn(null, Messages.text("record.stale"));
        } else if (refusal.isNotFound()) {
            Messages.error(null, Messages.text("records.notFound"));
        } else if (refusal.isForbidden()) {
            Messages.error(null, Messages.text("records.forbidden"));
        } else if ("reference-violation".equals(refusal.code())) {
            Messages.error(null, Messages.text("record.referenced"));
        } else {
            Messages.error(null, Messages.text("records.refused", refusal.detail()));
        }
    }
}
