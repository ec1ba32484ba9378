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

    static void error(String text) {
        say(FacesMessage.SEVERITY_ERROR, text);
    }

    static void warn(String text) {
        say(FacesMessage.SEVERITY_WARN, text);
    }

    static void info(String text) {
        say(FacesMessage.SEVERITY_INFO, text);
    }

    /** One sentence: the pages show summary and detail, so the detail stays empty. */
    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, ""));
    }

    /** A refusal that concerns no single field: what it means for the user. */
    static void refused(RecordsRefusedException refusal) {
        if (refusal.isStaleEdit()) {
            warn(Messages.text("record.stale"));
        } else if (refusal.isNotFound()) {
            error(Messages.text("records.notFound"));
        } else if ("row-not-allowed".equals(refusal.code())) {
            error(Messages.text("record.rowNotAllowed"));
        } else if (refusal.isForbidden()) {
            error(Messages.text("records.forbidden"));
        } else if ("reference-violation".equals(refusal.code())) {
            error(Messages.text("record.referenced"));
        } else {
            error(Messages.text("records.refused", refusal.detail()));
        }
    }
}
