package io.plinth.catalogs.storage;

import io.plinth.kernel.model.ModelKeys;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/schema/{app}/plan} and {@code .../apply}: an app model (or just
 * {@code {"types": [...]}}) plus {@code version} (the model version being applied; required to
 * apply), {@code fromVersion} (the applied version the caller planned from, optional) and
 * {@code confirmDataLoss} (default false). {@code access} is the model's access rules as sent, or
 * null when the body has none (the rules applied before then stay in force).
 */
public record SchemaRequest(String app, List<TypeModel> types, Long version, Long fromVersion,
                            boolean confirmDataLoss, JsonValue access) {

    public static SchemaRequest of(String app, JsonObject body, boolean versionRequired) {
        checkApp(app);
        if (body == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Long version = version(body, "version", versionRequired, errors);
        Long fromVersion = version(body, "fromVersion", false, errors);
        JsonValue confirm = body.get("confirmDataLoss");
        if (confirm != null && confirm != JsonValue.NULL && confirm != JsonValue.TRUE && confirm != JsonValue.FALSE) {
            errors.add(new FieldError("confirmDataLoss", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SchemaRequest(app, TypeModelParser.parse(body), version, fromVersion, confirm == JsonValue.TRUE,
                body.get("access"));
    }

    public static void checkApp(String app) {
        if (!ModelKeys.isAppKey(app)) {
            throw ProblemException.invalid("app", ModelKeys.APP_RULE);
        }
    }

    private static Long version(JsonObject body, String name, boolean required, List<FieldError> errors) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(BigDecimal.ONE) >= 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return n.longValue();
        }
        errors.add(new FieldError(name, "must be a whole number of at least 1"));
        return null;
    }
}
