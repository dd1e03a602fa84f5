package procbook.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A vacuous program")
class VacuousProgramTest {
    @Test
    @DisplayName("replaces the whole body of main, braces in strings, characters and comments included, and nothing else")
    void replacesMainsBody() {
        // GIVEN a class whose main holds braces in a string, a character, comments and a nested block
        String source = """
                class A {
                    static void helper() { work(); }
                    public static void main(String[] args) throws Exception {
                        String s = "}"; // }
                        char c = '}'; /* { */
                        if (true) { work(); }
                    }
                    static void after() { }
                }
                """;

        // WHEN the do-nothing program is made of it
        String changed = VacuousProgram.DOES_NOTHING.applyTo(source);

        // THEN main is empty, and the other methods are as they were
        assertThat(changed).isEqualTo("""
                class A {
                    static void helper() { work(); }
                    public static void main(String[] args) throws Exception {
                    }
                    static void after() { }
                }
                """);
    }

    @Test
    @DisplayName("a lone daemon starts a looping daemon process of mp in main")
    void loneDaemon() {
        String changed = VacuousProgram.LONE_DAEMON.applyTo("class A {\n    public static void main(String... args) {\n        run();\n    }\n}\n");
        assertThat(changed).contains("new procbook.mp.Process(", "while (true)", "looper.setDaemon(true);", "looper.start();")
                .doesNotContain("run();");
    }
}
