package io.plinth.scheduler.schedules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/schedules}; {@code enabled} defaults to true. The cron expression is checked by {@link CronExpressions}. */
public record NewSchedule(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter")
        String key,
        @NotBlank @Size(max = 200) String cron,
        @NotBlank @Size(max = 255) @Pattern(regexp = "[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*",
                message = "must be <service>.<entity>.<verb>: three dot-separated words of lower-case letters, digits"
                        + " and dashes, each starting with a letter")
        String routingKey,
        Boolean enabled) {
}
