package procbook.book;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.testkit.Events.kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import procbook.testkit.ProcbookAssertions;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * The Python originals keep the promises of the book: each Python listing's run, made by the build
 * (procbook.book.BookRuns), satisfies the same facts — the kit's assertions on the trace, and the exit
 * code — as the run of the lesson's Java reference. Where the book says Python differs, each side's
 * own behaviour is checked on its own run. Without python3 the Python side is skipped (the build said
 * so in one line); in the student edition there is no reference side.
 */
@DisplayName("The Python listings and the references: the same facts on both runs")
class ParityTest {
    private static final Path RUNS = Path.of(System.getProperty("procbook.book.runs", "target/book-runs"));

    /** The runs that exist of {@code variants} of {@code lesson}, each checked with {@code facts}; skipped when none was made. */
    private static void sameFacts(String lesson, List<String> variants, Consumer<RunRecord> facts) {
        List<RunRecord> runs = new ArrayList<>();
        for (String variant : variants) {
            RunRecord run = new RunRecord(RUNS.resolve(lesson + "-" + variant));
            if (run.exists()) {
                runs.add(run);
            }
        }
        Assumptions.assumeFalse(runs.isEmpty(), "no run of " + lesson + " " + variants + " was made: no python3, and no reference in this edition");
        for (RunRecord run : runs) {
            try {
                facts.accept(run);
            } catch (AssertionError e) {
                throw new AssertionError("the run " + run.folder().getFileName() + " breaks a fact the book states: " + e.getMessage()
                        + "\n\n" + run.report(), e);
            }
        }
    }

    private static void exitedNormally(RunRecord run) {
        assertThat(run.exitCode()).as("how the run ended: %s", run.ended()).hasValue(0);
    }

    private static List<String> field(TraceLog trace, String kind, String key) {
        return trace.events(kind(kind)).stream().map(e -> e.field(key)).collect(Collectors.toList());
    }

    @Test
    @DisplayName("01: the child's parent is the main process; join() returns after the child's last event, with exit code 0")
    void process() {
        sameFacts("01-process", List.of("reference", "python-01-process"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            TraceEvent greeted = trace.the(kind("greeted"));
            assertThat(greeted.process()).as("who greeted: a child, not the main process").isNotEqualTo("MainProcess");
            assertThat(greeted.longField("parent")).as("the child's parent pid").isEqualTo(trace.pidOf("MainProcess"));
            ProcbookAssertions.assertThat(trace).happensBefore(kind("done").in(greeted.process()), kind("after-join").in("MainProcess"));
            assertThat(trace.the(kind("after-join")).fields()).containsEntry("alive", "false").containsEntry("exitcode", "0");
        });
        sameFacts("01-process", List.of("reference", "python-01-napper"), run -> {
            exitedNormally(run);
            TraceEvent greeted = run.trace().the(kind("greeted-by-subclass"));
            assertThat(greeted.process()).as("who ran the subclass's run()").isNotEqualTo("MainProcess");
            ProcbookAssertions.assertThat(run.trace()).happensBefore(kind("greeted-by-subclass"), kind("main-done").in("MainProcess"));
        });
    }

    @Test
    @DisplayName("02: exit codes 0, 1, 3; -15 after terminate(); SIGTERM ignored, then -9 after kill(); a terminated parent's child lives on")
    void exitCodes() {
        sameFacts("02-exit-codes", List.of("reference", "python-02-exit-codes"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            for (String[] expected : new String[][] {{"Process-1", "0"}, {"Process-2", "1"}, {"Process-3", "3"}, {"sleeper", "-15"}, {"stubborn", "-9"}}) {
                assertThat(trace.the(kind("exit-code").with("name", expected[0])).field("code")).as("exit code of %s", expected[0])
                        .isEqualTo(expected[1]);
            }
            assertThat(trace.the(kind("after-terminate")).field("ended")).as("whether the child that ignores SIGTERM ended after terminate()")
                    .isEqualTo("false");
        });
        sameFacts("02-exit-codes", List.of("reference", "python-02-orphan"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            assertThat(trace.the(kind("exit-code").with("name", "middle")).field("code")).as("exit code of the terminated middle process")
                    .isEqualTo("-15");
            TraceEvent started = trace.the(kind("grandchild-started").in("middle"));
            long middleEnded = trace.the(kind("exit-code").with("name", "middle")).index();
            long grandchild = started.longField("pid");
            boolean livesOn = trace.first(e -> e.index() > middleEnded && (e.pid() == grandchild || e.kind().equals("orphan") && e.has("alive", true)))
                    .isPresent();
            assertThat(livesOn).as("the grandchild (pid %d) was alive after its parent had ended", grandchild).isTrue();
        });
    }

    @Test
    @DisplayName("03: the counter counts to the end while main waits; the daemon is ended — by Python when main's code is done, by mp after the counter")
    void daemons() {
        sameFacts("03-daemons", List.of("reference", "python-03-daemons"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            ProcbookAssertions.assertThat(trace)
                    .hasExactly(5, kind("count").in("counter"))
                    .has(kind("alive").in("heartbeat"))
                    .happensBefore(kind("main-waiting").in("MainProcess"), kind("count-done").in("counter"));
            int lastBeat = trace.last(kind("alive")).orElseThrow().index();
            int mainDone = trace.the(kind("main-waiting")).index();
            int counted = trace.the(kind("count-done")).index();
            if (run.folder().getFileName().toString().contains("python")) {
                assertThat(lastBeat).as("Python ends its daemons first: no heartbeat after the counter is done").isLessThan(counted);
            } else {
                assertThat(lastBeat).as("mp waits for the counter first: the heartbeat beats on after main's own work").isGreaterThan(mainDone);
            }
        });
    }

    @Test
    @DisplayName("04: the numbers cross the pipe in order, and the end of the pipe comes after the sender closed its end")
    void pipes() {
        sameFacts("04-pipes", List.of("reference", "python-04-pipe"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            List<String> numbers = field(trace, "received", "value").stream().filter(v -> v.matches("\\d+")).collect(Collectors.toList());
            assertThat(numbers).as("the numbers received, in order").containsExactly("1", "2", "3", "4", "5");
            ProcbookAssertions.assertThat(trace).happensBefore(kind("closing"), kind("end-of-pipe").in("MainProcess"));
        });
        sameFacts("04-pipes", List.of("python-04-duplex"), run -> {
            exitedNormally(run);
            ProcbookAssertions.assertThat(run.trace()).happensBefore(kind("received").in("MainProcess"), kind("got-reply"));
            assertThat(run.trace().the(kind("got-reply")).field("reply")).as("the doubled letters of Ada").isEqualTo("AA,aa,dd");
        });
    }

    @Test
    @DisplayName("05: Ctrl-C reaches all three processes; each stops cleanly, the receiver too, and main ends with 0")
    void ctrlC() {
        sameFacts("05-ctrl-c", List.of("reference", "python-05-ctrl-c"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            for (String process : List.of("MainProcess", "sender", "receiver")) {
                ProcbookAssertions.assertThat(trace).has(kind("ctrl-c").in(process));
            }
            ProcbookAssertions.assertThat(trace)
                    .has(kind("sender-stopped").in("sender"))
                    .has(kind("receiver-stopped").in("receiver"))
                    .happensBefore(kind("receiver-stopped"), kind("main-stopped").in("MainProcess"));
            List<String> received = field(trace, "received", "value");
            for (int i = 0; i < received.size(); i++) {
                assertThat(received.get(i)).as("value %d received, in the order sent", i).isEqualTo(Integer.toString(i));
            }
        });
    }

    @Test
    @DisplayName("06: ten producers, ten items i^i in the order they arrived; a full or empty queue gives up after its timeout")
    void queues() {
        sameFacts("06-queues", List.of("reference", "python-06-queues"), run -> {
            exitedNormally(run);
            List<TraceEvent> powers = run.trace().events(kind("got-power"));
            assertThat(powers.stream().map(e -> e.field("i"))).as("the i of each item got").containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            for (TraceEvent e : powers) {
                int i = Integer.parseInt(e.field("i"));
                assertThat(e.field("value")).as("the value that came with %d", i).isEqualTo(java.math.BigInteger.valueOf(i).pow(i).toString());
            }
        });
        sameFacts("06-queues", List.of("reference-timeouts", "python-06-bounded"), run -> {
            exitedNormally(run);
            assertThat(run.trace().the(kind("full")).longField("waited")).as("ms put() waited on a full queue before it gave up").isBetween(150L, 5000L);
            assertThat(run.trace().the(kind("empty")).longField("waited")).as("ms get() waited on an empty queue before it gave up").isBetween(150L, 5000L);
        });
        sameFacts("06-queues", List.of("python-06-join-before-get"), run -> {
            assertThat(run.exitCode()).as("Python's join() before get(): the book says it hangs; the run ended: %s", run.ended()).isEmpty();
            ProcbookAssertions.assertThat(run.trace()).has(kind("put")).has(kind("joining").in("MainProcess"))
                    .hasNo(kind("joined"), "join() returned, but the child cannot end while its item waits in its pipe");
        });
    }

    @Test
    @DisplayName("07: one buyer at a time inside buy(); three tickets sold, 2, 1, 0 left; seven find none")
    void ticketLock() {
        sameFacts("07-ticket-lock", List.of("reference", "python-07-ticket-office"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            ProcbookAssertions.assertThat(trace).hasExactly(10, kind("buy-start"))
                    .neverTwoInside("buy-start", "buy-end", "%s were inside buy() at the same time");
            assertThat(field(trace, "bought", "left")).as("tickets left after each sale").containsExactly("2", "1", "0");
            assertThat(trace.count(kind("sold-out"))).as("buyers who found none left").isEqualTo(7);
        });
    }

    @Test
    @DisplayName("08: ten customers sing, never more than four inside, and four at once at some moment")
    void karaoke() {
        sameFacts("08-karaoke", List.of("reference", "python-08-karaoke"), run -> {
            exitedNormally(run);
            ProcbookAssertions.assertThat(run.trace()).hasExactly(10, kind("entered")).hasExactly(10, kind("left"))
                    .atMostInside(4, "entered", "left", "%s were inside a room of four")
                    .reachesInside(4, "entered", "left", "the room should be full at some moment");
        });
    }

    @Test
    @DisplayName("09: every car passes; a car that found the light red passes only after it turned green")
    void trafficLight() {
        sameFacts("09-traffic-light", List.of("reference", "python-09-traffic-light"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            ProcbookAssertions.assertThat(trace).hasExactly(10, kind("passed")).has(kind("waiting"));
            // no car arrived after a 'red' and passed before the next 'green' (the light records 'green' before it lets anyone go)
            for (TraceEvent passed : trace.events(kind("passed"))) {
                int arrived = trace.the(kind("arrived").in(passed.process())).index();
                String lightAtArrival = trace.last(e -> (e.kind().equals("red") || e.kind().equals("green")) && e.index() < arrived)
                        .map(TraceEvent::kind).orElse("red");
                boolean greenBetween = trace.first(e -> e.kind().equals("green") && e.index() > arrived && e.index() < passed.index()).isPresent();
                assertThat(lightAtArrival.equals("red") && !greenBetween)
                        .as("%s arrived on red (#%d) and passed (#%d) before the light turned green", passed.process(), arrived, passed.index())
                        .isFalse();
            }
        });
    }

    @Test
    @DisplayName("10: four workers run at most four tasks at once; a closed pool refuses; results to their callers; a task's exception reaches main")
    void pool() {
        sameFacts("10-pool", List.of("reference", "python-10-pool"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            ProcbookAssertions.assertThat(trace)
                    .atMostInside(4, "task-start", "task-end", "%s ran tasks at once in a pool of four")
                    .reachesInside(4, "task-start", "task-end", "four workers should run four tasks at once")
                    .has(kind("refused").in("MainProcess"))
                    .has(kind("task-failed").with("task", 6))
                    .happensBefore(kind("refused"), kind("pool-joined"));
            assertThat(field(trace, "result", "task")).as("the results read, each by the call that asked for it").containsExactly("1", "2", "3", "4", "5");
            for (TraceEvent result : trace.events(kind("result"))) {
                assertThat(result.field("text")).as("the result of task %s", result.field("task")).startsWith("task " + result.field("task") + " ");
            }
        });
        sameFacts("10-pool", List.of("python-10-map"), run -> {
            exitedNormally(run);
            TraceEvent mapped = run.trace().the(kind("mapped"));
            assertThat(mapped.field("squares")).isEqualTo("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
            assertThat(mapped.field("powers")).isEqualTo("[8, 9]");
            assertThat(mapped.field("unordered")).isEqualTo(mapped.field("squares"));
        });
    }

    @Test
    @DisplayName("11: a plain queue cannot travel in a task; through the manager, one writer at a time, six letters read back together")
    void manager() {
        sameFacts("11-manager", List.of("reference", "python-11-manager"), run -> {
            exitedNormally(run);
            TraceLog trace = run.trace();
            ProcbookAssertions.assertThat(trace).has(kind("plain-queue-refused").in("MainProcess"))
                    .hasExactly(2, kind("writer-start"))
                    .neverTwoInside("writer-start", "writer-end", "%s wrote at the same time, through one lock");
            TraceEvent done = trace.the(kind("done"));
            assertThat(done.field("written")).isEqualTo("6");
            assertThat(done.field("read")).as("the letters read back").isIn("ABCXYZ", "XYZABC");
        });
    }
}
