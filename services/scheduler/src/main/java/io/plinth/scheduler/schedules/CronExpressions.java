package io.plinth.scheduler.schedules;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.plinth.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The cron dialect of schedules: Quartz (seconds first, optional year, {@code ?}, {@code L},
 * {@code W} and {@code #}), chosen over Unix cron because business calendars need "last day of
 * the month" and "second Monday" and because it can fire more often than once a minute.
 * Times are evaluated in UTC.
 */
final class CronExpressions {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private CronExpressions() {
    }

    /**
     * Checks the expression of a new schedule: a 400 on field {@code cron} with the parser's reason
     * if it does not parse, or if no time from {@code now} on matches it (30 February, a past year).
     */
    static void checkUpcoming(String expression, OffsetDateTime now) {
        if (nextFireTime(parse(expression), now).isEmpty()) {
            throw ProblemException.invalid("cron", "never comes due: no time from now on matches it");
        }
    }

    /** When the expression next comes due after {@code now}; empty if it never does again. */
    static Optional<OffsetDateTime> nextFireTime(String expression, OffsetDateTime now) {
        return nextFireTime(parse(expression), now);
    }

    private static Cron parse(String expression) {
        try {
            return PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cron", e.getMessage());
        }
    }

    private static Optional<OffsetDateTime> nextFireTime(Cron cron, OffsetDateTime now) {
        return ExecutionTime.forCron(cron)
                .nextExecution(now.atZoneSameInstant(ZoneOffset.UTC))
                .map(next -> next.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
