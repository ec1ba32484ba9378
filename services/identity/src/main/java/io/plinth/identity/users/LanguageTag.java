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
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP 47 language tag ({@code en}, {@code de-CH}, {@code sr-Latn-RS}); null is left to other constraints. */
@Documented
@Constraint(validatedBy = LanguageTag.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, de-CH or sr-Latn-RS";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link Locale#forLanguageTag} accepts anything; the builder refuses ill-formed tags. */
    class Check implements ConstraintValidator<LanguageTag, String> {

        static final int MAX_CHARS = 64;

        @Override
        public boolean isValid(String tag, ConstraintValidatorContext context) {
            if (tag == null) {
                return true;
            }
            if (tag.isBlank() || tag.length() > MAX_CHARS) {
                return false;
            }
            try {
                return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
