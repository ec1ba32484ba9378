package io.plinth.viewservice.apps;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/apps/{app}/rollback}: the version whose content to publish again. */
public record RollbackRequest(@NotNull @Min(1) Integer version) {
}
