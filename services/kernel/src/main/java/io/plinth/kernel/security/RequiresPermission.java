package io.plinth.kernel.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST resource method or gRPC method needs, checked by the kernel before the
 * method runs (on the class: every method of it). Without it a method needs only a signed-in caller.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    /** A permission name such as {@code identity:users:write}. */
    String value();
}
