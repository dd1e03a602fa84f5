package procbook.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The text timeline of a failing run fits a screen")
class TimelineTest {
    @TempDir
    Path folder;

    @AfterEach
    void noFilesAfterwards() {
        System.clearProperty(TimelinePicture.FOLDER_PROPERTY);
    }

    /** Ten buyers with long names, six events each, the clocks a little off; buyer-3 and buyer-7 inside together. */
    private static TraceLog tenBuyers() {
        List<String> lines = new ArrayList<>();
        lines.add("1000\t10\t1\tMainProcess\tstarted\tdaemon=false");
        long t = 2000;
        for (int b = 1; b <= 10; b++) {
            String who = b + 100 + "\t10\tbuyer-" + b;
            lines.add(t++ + "\t" + who + "\tstarted\tdaemon=false");
            lines.add(t++ + "\t" + who + "\tlooked-up\tleft=3\tnote=a-long-value-that-would-make-a-cell-wide-" + "x".repeat(60));
            if (b != 7) {
                lines.add(t++ + "\t" + who + "\tbuy-start");
            }
            if (b == 3) {
                lines.add(t++ + "\t107\t10\tbuyer-7\tbuy-start"); // buyer-7 gets in while buyer-3 is inside
            }
            lines.add(t++ + "\t" + who + "\tbuy-end");
            lines.add((t - 5) + "\t" + who + "\texited\tcode=0"); // a clock behind the others
        }
        lines.add(t + "\t10\t1\tMainProcess\tall-done");
        return TraceLog.parse(String.join("\n", lines) + "\n");
    }

    @Test
    @DisplayName("every line is at most 120 columns, MainProcess has the first lane, and ms never go backwards")
    void narrowMainFirstAndMonotonic() {
        // GIVEN eleven processes, one of them with a very long event
        TraceLog trace = tenBuyers();

        // WHEN the whole timeline is drawn
        List<String> lines = trace.fullTimeline().lines().toList();

        // THEN it is narrow, its lanes start with M, and its ms column only grows
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as("width of: %s", l).isLessThanOrEqualTo(Timeline.WIDTH));
        assertThat(lines.get(1)).as("the header").matches("\\s+#\\s+ms  M 1 2 3 4 5 6 7 8 9 a\\s+process\\s+event");
        double last = -1;
        for (String line : lines.subList(2, lines.size())) {
            double ms = Double.parseDouble(line.trim().split("\\s+")[1]);
            assertThat(ms).as("ms of: %s", line).isGreaterThanOrEqualTo(last);
            last = ms;
        }
        assertThat(lines).hasSize(2 + trace.events().size());
    }

    @Test
    @DisplayName("a failure shows the events it is about, marked, with context, in at most 16 rows, and names the full report")
    void compactAroundTheFailure() throws Exception {
        // GIVEN files asked for, WHEN a check of one buyer at a time fails on buyer-3 and buyer-7
        System.setProperty(TimelinePicture.FOLDER_PROPERTY, folder.toString());
        Throwable failure = catchThrowable(() -> ProcbookAssertions.assertThat(tenBuyers())
                .neverTwoInside("buy-start", "buy-end", "%s were inside buy() at the same time"));

        // THEN the message is short, marks both entries, and points to the full report, which has every event
        List<String> lines = failure.getMessage().lines().toList();
        assertThat(lines.get(0)).isEqualTo("buyer-3 and buyer-7 were inside buy() at the same time (at event #14)");
        assertThat(lines).hasSizeLessThanOrEqualTo(30)
                .allSatisfy(l -> assertThat(l.length()).as("width of: %s", l).isLessThanOrEqualTo(Timeline.WIDTH + 40));
        assertThat(lines.stream().filter(l -> l.endsWith("◀"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("buyer-3").contains("buy-start"))
                .anySatisfy(l -> assertThat(l).contains("buyer-7").contains("buy-start"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("events not shown"));
        String report = lines.stream().filter(l -> l.startsWith("Full report of this run")).findFirst().orElseThrow();
        String full = Files.readString(Path.of(java.net.URI.create(report.substring(report.indexOf("file:")))));
        assertThat(full).startsWith("buyer-3 and buyer-7 were inside buy()").contains("all-done").contains("buyer-10");
    }

    @Test
    @DisplayName("rows to show: all when they fit, else each marked event with context, shared evenly")
    void rowsToShow() {
        assertThat(Timeline.rowsToShow(5, Set.of(), 16)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Timeline.rowsToShow(100, Set.of(), 4)).containsExactly(96, 97, 98, 99);
        assertThat(Timeline.rowsToShow(100, Set.of(10, 50), 6)).containsExactly(9, 10, 11, 49, 50, 51);
    }

    @Test
    @DisplayName("a stack trace is summed up by its exception's own line, e.g. mp's Queue$Empty, with the frame that threw it")
    void exceptionLinesKept() {
        RunOutput out = new RunOutput("scenario: Queues (pid 42, exit code 1)", "", String.join("\n",
                "Exception in thread \"main\" procbook.mp.Queue$Empty: queue 'Queue-1' is empty",
                "\tat procbook.mp.Queue.getNowait(Queue.java:120)",
                "\tat procbook.lesson06.Queues.main(Queues.java:40)",
                "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)"));

        assertThat(out.summary()).isEqualTo("""
                scenario: Queues (pid 42, exit code 1)
                exceptions on its standard error:
                  Exception in thread "main" procbook.mp.Queue$Empty: queue 'Queue-1' is empty
                    at procbook.mp.Queue.getNowait(Queue.java:120)
                """);
    }
}
