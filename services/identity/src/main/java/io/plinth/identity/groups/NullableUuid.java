package io.plinth.identity.groups;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Passes a UUID column through unchanged. EclipseLink 4.0's built-in UUID conversion fails on a
 * null column value (eclipse-ee4j/eclipselink#2768); a converter of our own replaces it.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
