package io.plinth.notification.messages;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link NotificationStatus} to the lower-case codes the {@code status} column's check constraint allows. */
@Converter(autoApply = true)
public class NotificationStatusConverter implements AttributeConverter<NotificationStatus, String> {

    @Override
    public String convertToDatabaseColumn(NotificationStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public NotificationStatus convertToEntityAttribute(String code) {
        return code == null ? null : NotificationStatus.ofCode(code);
    }
}
