package io.plinth.studio.admin;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import java.util.Map;
import java.util.logging.Logger;

/** How the administration pages say what identity refused, or that it cannot be reached. */
final class AdminMessages {

    private static final Logger LOG = Logger.getLogger(AdminMessages.class.getName());

    private AdminMessages() {
    }

    /**
     * Field problems next to the input that {@code fields} maps them to (identity's field name →
     * client id); anything else for the whole page.
     */
    static void refused(RefusedException e, Map<String, String> fields) {
        LOG.info(() -> "identity refused: " + e.getMessage());
        switch (e.status()) {
            case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
            case 403 -> Messages.error(null, Messages.text("admin.forbidden"));
            default -> {
                if (e.errors().isEmpty()) {
                    Messages.error(null, e.detail());
                }
                for (ApiAnswer.FieldProblem problem : e.errors()) {
                    String clientId = fields.get(problem.field());
                    // An item of a list (permissions[2]) goes next to the list's input, saying which item.
                    String listId = fields.get(problem.field().replaceAll("\\[\\d+]$", ""));
                    if (clientId != null) {
                        Messages.error(clientId, capitalized(problem.message()));
                    } else {
                        Messages.error(listId, problem.field() + ": " + problem.message());
                    }
                }
            }
        }
    }

    static void unavailable(ServiceUnavailableException e) {
        LOG.warning(() -> "The studio cannot reach identity: " + e.getMessage());
        Messages.error(null, Messages.text("admin.unavailable"));
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1)
                + (text.endsWith(".") ? "" : ".");
    }
}
