package io.plinth.identity.users;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A time zone {@link ZoneId} understands ({@code UTC}, {@code Europe/Berlin}, {@code +02:00}); null is left to other constraints. */
@Documented
@Constraint(validatedBy = TimeZoneId.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "must be a time zone such as UTC, Europe/Berlin or +02:00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TimeZoneId, String> {

        static final int MAX_CHARS = 64;

        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            if (zone == null) {
                return true;
            }
            if (zone.length() > MAX_CHARS) {
                return false;
            }
            try {
                ZoneId.of(zone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
