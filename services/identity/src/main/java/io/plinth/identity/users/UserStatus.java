package io.plinth.identity.users;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Whether a user may work: only {@code active} users will be able to sign in. */
public enum UserStatus {
    ACTIVE, DISABLED, LOCKED;

    /** The lower-case name the database and the APIs use. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores the status as its lower-case code, as the table's check constraint expects. */
    @Converter
    public static class Column implements AttributeConverter<UserStatus, String> {

        @Override
        public String convertToDatabaseColumn(UserStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public UserStatus convertToEntityAttribute(String code) {
            return code == null ? null : UserStatus.valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
