package io.edgefleet.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation narrows what it reads or changes to the caller's devices ({@link CallerScope}),
 * so a caller whose role covers only some devices may call it. Every other operation refuses
 * such a caller ({@link ScopeGuard}): forgetting the scope fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeviceScoped {
}
