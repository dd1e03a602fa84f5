package procbook.grading;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The class member a test comes from: a method, or a field (ArchUnit's {@code @ArchTest} rules).
 *
 * <p>Field sources are read by their {@code getClassName()} and {@code getFieldName()}: ArchUnit has
 * its own {@code FieldSource} class, and JUnit's came only after the version we build with.
 */
record TestMember(String className, String name, boolean isField) {

    static Optional<TestMember> of(TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(new TestMember(method.getClassName(), method.getMethodName(), false));
        }
        if (source != null && source.getClass().getSimpleName().equals("FieldSource")) {
            try {
                Method className = source.getClass().getMethod("getClassName");
                Method fieldName = source.getClass().getMethod("getFieldName");
                return Optional.of(new TestMember(
                        (String) className.invoke(source), (String) fieldName.invoke(source), true));
            } catch (ReflectiveOperationException | ClassCastException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
