package io.plinth.notification.messages;

import java.util.Locale;

/** Where a notification is in its delivery; stored in lower case, as the API shows it. */
public enum NotificationStatus {
    QUEUED, SENT, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
