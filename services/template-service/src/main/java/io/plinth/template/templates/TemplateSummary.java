package io.plinth.template.templates;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A template in a list: without its body, which can be up to 256 K characters. */
public record TemplateSummary(UUID id, String key, String mediaType, OffsetDateTime createdAt) {
}
