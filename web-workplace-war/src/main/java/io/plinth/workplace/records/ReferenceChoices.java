package io.plinth.workplace.records;

import io.plinth.web.api.ServiceUnavailableException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a single reference may point to: the target type's first {@value #LIMIT} records
 * the user can see, by their first text field (their id when the type has none or hides it).
 */
final class ReferenceChoices {

    static final int LIMIT = 100;

    private ReferenceChoices() {
    }

    /** Ids and labels in label order; empty when the user may not read the target type. */
    static Map<String, String> load(CatalogsRecords records, String token, AppModel model, String targetType)
            throws ServiceUnavailableException {
        Map<String, String> choices = new LinkedHashMap<>();
        ModelType target = model.type(targetType).orElse(null);
        if (target == null) {
            return choices;
        }
        try {
            List<String> label = target.firstTextField().isEmpty() ? List.of() : records.visibleFields(token,
                    model.key(), targetType, List.of(target.firstTextField().get().key()));
            RecordPage page = records.query(token, model.key(), targetType,
                    new RecordQuery(List.of(), label, label, 0, LIMIT, false));
            for (JsonObject record : page.items()) {
                String id = record.getString("id");
                choices.put(id, label.isEmpty() || !(record.get(label.get(0)) instanceof JsonString text)
                        ? id : text.getString());
            }
        } catch (RecordsRefusedException e) {
            return choices;
        }
        return choices;
    }
}
