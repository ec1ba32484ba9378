package io.plinth.template.templates;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A template as the REST API shows it. */
public record TemplateView(UUID id, String key, String mediaType, String body, OffsetDateTime createdAt) {

    static TemplateView of(Template template) {
        return new TemplateView(template.id(), template.key(), template.mediaType(), template.body(),
                template.createdAt());
    }
}
