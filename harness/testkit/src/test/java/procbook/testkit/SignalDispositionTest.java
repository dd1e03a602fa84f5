package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import procbook.testkit.scenarios.InterruptThroughTheKit;

/**
 * Background jobs of non-interactive shells inherit "ignore SIGINT", and a JVM cannot undo it.
 * The kit starts scenarios with INT, TERM and HUP back at their defaults, so Ctrl-C still works.
 */
@DisplayName("Signals reach a scenario even when the calling shell ignores them")
class SignalDispositionTest {
    private static String runFromIgnoringShell(String mainClass) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "trap '' INT TERM HUP; exec \"$0\" -cp \"$1\" \"$2\"";
        java.lang.Process p = new ProcessBuilder("/bin/sh", "-c", cmd, java, System.getProperty("java.class.path"), mainClass)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the stand-in test JVM ended within 60 s").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a scenario launched by a JVM that ignores SIGINT still gets Ctrl-C and ends cleanly")
    void sigintReachesTheScenario() throws Exception {
        // GIVEN a test JVM started by a shell that ignores INT, TERM and HUP
        // WHEN it runs a scenario through the kit and sends SIGINT to the scenario's group
        String out = runFromIgnoringShell(InterruptThroughTheKit.class.getName());
        // THEN the scenario's handler ran and it ended with exit code 0
        assertThat(out).contains("EXIT 0 STOPPING true");
    }

    @Test
    @DisplayName("without the kit, the same program started from that shell says its handler will never run")
    void withoutTheKitTheHandlerIsDead() throws Exception {
        // GIVEN the scenario started directly by a shell that ignores SIGINT
        java.lang.Process p = new ProcessBuilder("/bin/sh", "-c", "trap '' INT; exec \"$0\" -cp \"$1\" procbook.testkit.scenarios.Interruptible",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"))
                .redirectErrorStream(true).start();
        try {
            // THEN mp warns plainly that SIGINT was ignored from the start
            byte[] head = p.getInputStream().readNBytes(200);
            assertThat(new String(head, StandardCharsets.UTF_8)).startsWith("procbook.mp: warning: SIGINT was ignored when MainProcess started");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
