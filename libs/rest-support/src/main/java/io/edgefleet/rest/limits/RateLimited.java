package io.edgefleet.rest.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation spends one request of the named budget ({@code edgefleet.rate-limits.<name>.*})
 * per call, counted per source address or per calling device; past it, 429 with {@code Retry-After}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The budget's name, e.g. {@code enrollment}. */
    String value();

    /** What one budget is counted for. */
    Per per() default Per.ADDRESS;

    /** Who a budget belongs to. */
    enum Per {
        /** The caller's network address (before a device identity exists). */
        ADDRESS,
        /** The authenticated device (many devices may share one address behind NAT). */
        DEVICE
    }
}
