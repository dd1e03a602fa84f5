package procbook.grading;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Finds what a test is worth: its own {@link Points}, else its class's, else an enclosing class's
 * (for {@code @Nested} tests), else 1.
 */
final class PointsResolver {
    static final int DEFAULT = 1;

    private PointsResolver() {
    }

    /** @throws IllegalArgumentException if a {@link Points} found on the way is below 1 */
    static int pointsOf(TestSource source) {
        if (source instanceof MethodSource method) {
            Optional<Class<?>> type = load(method.getClassName());
            Optional<Method> javaMethod = type.flatMap(t -> findMethod(method));
            return resolve(javaMethod.orElse(null), method.getClassName() + "." + method.getMethodName(), type);
        }
        Optional<TestMember> field = TestMember.of(source).filter(TestMember::isField);
        if (field.isPresent()) {
            Optional<Class<?>> type = load(field.get().className());
            Optional<Field> javaField = type.flatMap(t -> findField(t, field.get().name()));
            return resolve(javaField.orElse(null), field.get().className() + "." + field.get().name(), type);
        }
        if (source instanceof ClassSource type) {
            return resolve(null, type.getClassName(), load(type.getClassName()));
        }
        return DEFAULT;
    }

    private static int resolve(AnnotatedElement member, String memberName, Optional<Class<?>> type) {
        if (member != null && member.isAnnotationPresent(Points.class)) {
            return checked(member.getAnnotation(Points.class), memberName);
        }
        for (Class<?> c = type.orElse(null); c != null; c = c.getEnclosingClass()) {
            Points points = c.getAnnotation(Points.class);
            if (points != null) {
                return checked(points, c.getName());
            }
        }
        return DEFAULT;
    }

    static int checked(Points points, String where) {
        if (points.value() < 1) {
            throw new IllegalArgumentException(
                    "@Points(" + points.value() + ") on " + where + ": a test is worth at least 1 point");
        }
        return points.value();
    }

    // Loading can fail for a test that JUnit found through another class loader; 1 point is then
    // the honest default rather than a grading failure.
    private static Optional<Class<?>> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Optional.of(Class.forName(className, false,
                    loader != null ? loader : PointsResolver.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Method> findMethod(MethodSource source) {
        try {
            return Optional.of(source.getJavaMethod());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Field> findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return Optional.of(c.getDeclaredField(name));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return Optional.empty();
    }
}
