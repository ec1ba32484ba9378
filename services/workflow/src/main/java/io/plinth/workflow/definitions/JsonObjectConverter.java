package io.plinth.workflow.definitions;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/**
 * Stores a JSON object in a {@code jsonb} column as its text. The data source sends strings
 * untyped ({@code stringType=unspecified}), so PostgreSQL casts the text to jsonb itself.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, String> {

    @Override
    public String convertToDatabaseColumn(JsonObject json) {
        return json == null ? null : json.toString();
    }

    @Override
    public JsonObject convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
