package procbook.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target reaches the child whatever its form. Plain launches go field by field and call the
 * lambda's method by reflection (LaunchCodec); this proves each kind of method that can be.
 */
@DisplayName("Every form of target runs in the child")
class TargetFormsTest implements Serializable {
    private static final long serialVersionUID = 1L;

    @TempDir
    static Path dir;

    private final String greeting = "hello from a lambda that uses this";

    static void write(String file, String text) throws Exception {
        Files.writeString(Path.of(file), text);
    }

    private static String runAndRead(Process p, Path out) throws Exception {
        p.start();
        p.join();
        assertThat(p.exitCode()).as("exit code of the child").hasValue(0);
        return Files.readString(out);
    }

    /** A class whose constructor does the work: for a constructor reference. */
    static final class Writer {
        Writer(String file) throws Exception {
            write(file, "constructed");
        }
    }

    /** An object whose instance method is the target: for a bound method reference. */
    static final class Greeter implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String text;

        Greeter(String text) {
            this.text = text;
        }

        void greet(String file) throws Exception {
            write(file, text);
        }
    }

    @Test
    @DisplayName("a static method reference with arguments of several types")
    void staticReference() throws Exception {
        Path out = dir.resolve("static");
        Target.Three<String, Integer, List<String>> target = (file, n, list) -> write(file, n + " " + list);
        assertThat(runAndRead(new Process(target, out.toString(), 42, List.of("a", "b")), out)).isEqualTo("42 [a, b]");
    }

    @Test
    @DisplayName("a lambda capturing local values, null among them")
    void capturingLambda() throws Exception {
        Path out = dir.resolve("capturing");
        String file = out.toString();
        long n = 7;
        String none = null;
        assertThat(runAndRead(new Process(() -> write(file, n + " " + none)), out)).isEqualTo("7 null");
    }

    @Test
    @DisplayName("a lambda that uses this, and a bound method reference obj::method")
    void instanceTargets() throws Exception {
        Path a = dir.resolve("this");
        String file = a.toString();
        assertThat(runAndRead(new Process(() -> write(file, greeting)), a)).isEqualTo(greeting);

        Path b = dir.resolve("bound");
        assertThat(runAndRead(new Process(new Greeter("bound")::greet, b.toString()), b)).isEqualTo("bound");
    }

    @Test
    @DisplayName("an unbound method reference Type::method, and a constructor reference")
    void unboundAndConstructor() throws Exception {
        Path a = dir.resolve("unbound");
        Target.Two<Greeter, String> unbound = Greeter::greet;
        assertThat(runAndRead(new Process(unbound, new Greeter("unbound"), a.toString()), a)).isEqualTo("unbound");

        Path b = dir.resolve("constructor");
        assertThat(runAndRead(new Process(Writer::new, b.toString()), b)).isEqualTo("constructed");
    }

    @Test
    @DisplayName("an exception thrown by the target's method ends the child with exit code 1")
    void exceptionThroughReflection() {
        Process p = new Process(() -> {
            throw new IllegalStateException("thrown on purpose");
        });
        p.start();
        p.join();
        assertThat(p.exitCode()).hasValue(1);
    }
}
