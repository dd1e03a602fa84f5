package procbook.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a lesson test is worth when it passes. On a test method (or an ArchUnit
 * {@code @ArchTest} field) it counts for that test; on a test class it is the default for the tests
 * in it and in its {@code @Nested} classes. Without it a test is worth 1 point.
 *
 * <p>A parameterized test, a repeated test or a test factory counts once, as a whole: it earns its
 * points only when every one of its invocations passes.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD})
public @interface Points {
    /** The points, at least 1. */
    int value();
}
