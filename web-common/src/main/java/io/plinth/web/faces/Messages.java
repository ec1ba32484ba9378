package io.plinth.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** This web part's labels and messages (resource bundle {@code msg}) for backing beans. */
public final class Messages {

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale(faces)).format(arguments);
    }

    private static Locale locale(FacesContext faces) {
        return faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    /** A message for the component {@code clientId}, or for the whole page when it is null. */
    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    public static void warn(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_WARN, text);
    }

    public static void info(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_INFO, text);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
