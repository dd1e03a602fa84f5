package procbook.book;

import static procbook.book.Figure.kinds;
import static procbook.testkit.Events.kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import procbook.mp.Trace;
import procbook.testkit.Events;
import procbook.testkit.TraceEvent;
import procbook.testkit.TraceLog;

/**
 * Every run the book makes: each lesson's reference scenario, with the arguments its tests use (or
 * fewer, where a shorter run makes the same point in a picture that fits a page); the wrong solutions
 * whose runs chapters 05, 07 and 08 draw beside the right one; and the Python originals.
 */
final class Catalogue {
    private Catalogue() {
    }

    /** The runs of the references and of the wrong solutions: the instructor's edition. */
    static List<BookRun> references() {
        List<BookRun> runs = new ArrayList<>();
        runs.add(reference("01-process", "procbook.lesson01.Lifecycle", List.of("300"), Drive.toTheEnd(), Figure.of(
                kinds("greeted", "done", "after-start", "after-join", "greeted-by-subclass", "main-done", Trace.STARTED, Trace.EXITED,
                        Trace.JOINED),
                labels(kind("after-start"), "start() has returned: the child runs on its own",
                        kind("done"), "the child's work is over",
                        kind("after-join"), "join() returns only after the child has ended"))));
        runs.add(reference("02-exit-codes", "procbook.lesson02.ExitCodes", List.of("60000"), Drive.toTheEnd(), Figure.of(
                kinds("exit-code", "ignoring-term", "after-terminate", "grandchild-started", "orphan", Trace.SIGNAL_SENT),
                labels(kind("ignoring-term"), "SIGTERM only asks: this one ignores it",
                        kind("orphan"), "its parent is gone, the grandchild is not"))));
        runs.add(reference("03-daemons", "procbook.lesson03.Daemons", List.of("100", "5", "300"), Drive.toTheEnd(), Figure.of(
                kinds("alive", "count", "count-done", "children-started", "main-waiting", "main-done", Trace.EXITED),
                labels(kind("main-waiting"), "main's own work is done: it waits for the counter only",
                        kind(Trace.EXITED).in("heartbeat"), "the daemon is ended when main is done"))));
        runs.add(reference("04-pipes", "procbook.lesson04.SendValues", List.of("5"), Drive.toTheEnd(), Figure.of(
                kinds("received", "closing", "end-of-pipe", Trace.PIPE_SENT, Trace.PIPE_CLOSED),
                labels(kind("closing"), "the sender closes its end",
                        kind("end-of-pipe"), "every message read, no writer left: end of pipe"))));
        Predicate<TraceEvent> ctrlC = kinds("sent", "received", "ctrl-c", "sender-stopped", "receiver-stopped", "main-stopped",
                Trace.SEMAPHORE_WAITING, Trace.JOIN_WAITING, Trace.EXITED);
        runs.add(reference("05-ctrl-c", "procbook.lesson05.CtrlC", List.of("300"), Drive.ctrlCAfter(3, kind("received")), Figure.of(ctrlC,
                labels(kind("ctrl-c"), "Ctrl-C: SIGINT to every process of the group",
                        kind("sender-stopped"), "one last release, for a receiver waiting in acquire()",
                        kind("main-stopped"), "everyone stopped cleanly"))));
        runs.add(wrong("05-ctrl-c", "no-final-release", "procbook.lesson05.CtrlC", List.of("300"),
                Drive.ctrlCThenStop(3, kind("received"), kind("sender-stopped"), Duration.ofMillis(1500)), Figure.wrong(ctrlC,
                        labels(kind("ctrl-c"), "Ctrl-C: SIGINT to every process of the group",
                                kind("sender-stopped"), "the sender stops: no last release"),
                        TraceLog::lastOfUnended, "the receiver waits in acquire() for ever, main in join()")));
        runs.add(reference("06-queues", "procbook.lesson06.Queues", List.of("powers"), Drive.toTheEnd(), Figure.of(
                kinds("got-power", Trace.QUEUE_PUT),
                labels(kind("got-power"), "in the order the producers got there, not 0 to 9"))));
        runs.add(new BookRun("06-queues", BookRun.REFERENCE + "-timeouts", "procbook.lesson06.Queues", List.of("timeouts"), Drive.toTheEnd(), null));
        Predicate<TraceEvent> tickets = kinds("buy-start", "bought", "sold-out", "buy-end", "office-closed");
        runs.add(reference("07-ticket-lock", "procbook.lesson07.TicketOffice", List.of("3", "10", "60"), Drive.toTheEnd(), Figure.of(tickets,
                labels(kind("buy-start"), "the doors open: one buyer at a time inside",
                        kind("sold-out"), "three sold: the others find none left",
                        kind("office-closed"), "the office closes with 0"))));
        runs.add(wrong("07-ticket-lock", "no-lock", "procbook.lesson07.TicketOffice", List.of("3", "10", "60"), Drive.toTheEnd(),
                Figure.wrong(tickets, labels(kind("office-closed"), "tickets sold twice: it should close with 0"),
                        t -> t.firstCrowd(1, "buy-start", "buy-end"), "a second buyer inside buy(): no lock")));
        Predicate<TraceEvent> karaoke = kinds("entered", "left");
        runs.add(reference("08-karaoke", "procbook.lesson08.Karaoke", List.of("10", "4", "200"), Drive.toTheEnd(), Figure.of(karaoke,
                labels(kind("left"), "one leaves: one of those waiting goes in"))));
        runs.add(wrong("08-karaoke", "room-of-five", "procbook.lesson08.Karaoke", List.of("10", "4", "200"), Drive.toTheEnd(),
                Figure.wrong(karaoke, labels(), t -> t.firstCrowd(4, "entered", "left"), "a fifth singer in a room of four")));
        runs.add(reference("09-traffic-light", "procbook.lesson09.TrafficLight", List.of("10", "1500", "100", "120"), Drive.toTheEnd(),
                Figure.of(kinds("red", "green", "arrived", "waiting", "passed", "all-passed"),
                        labels(kind("waiting"), "red: the car waits, honking while it waits",
                                kind("green"), "green: every waiting car goes on",
                                kind("red").in("light"), "red again"))));
        runs.add(reference("10-pool", "procbook.lesson10.PoolTasks", List.of("4", "600"), Drive.toTheEnd(), Figure.of(
                kinds("task-start", "task-end", "refused", "pool-joined", "result", "task-failed"),
                labels(kind("task-start").with("task", 5), "the fifth task waits for a free worker",
                        kind("refused"), "shut down: no new task",
                        kind("task-failed"), "a task's exception, raised again in main"))));
        runs.add(reference("11-manager", "procbook.lesson11.ManagedQueue", List.of("80"), Drive.toTheEnd(), Figure.of(
                kinds("writer-start", "wrote", "writer-end", "read", "plain-queue-refused", "done"),
                labels(kind("plain-queue-refused"), "a plain Queue cannot travel in a task",
                        kind("writer-start"), "the manager's lock: one writer at a time",
                        kind("done"), "each writer's letters together"))));
        return runs;
    }

    /**
     * The Python originals: every Python listing of the book is a file of {@code book/src/python}, run
     * here with the same drive as its lesson's reference. The first listing of a lesson gets the
     * reference's picture: the student edition, which has no reference, shows the original's run.
     */
    static List<BookRun> pythons() {
        Map<String, Figure> pictures = new LinkedHashMap<>();
        references().stream().filter(r -> !r.isWrong()).forEach(r -> pictures.putIfAbsent(r.lesson(), r.figure()));
        List<BookRun> runs = new ArrayList<>();
        runs.add(python("01-process", "01_process.py", Drive.toTheEnd(), pictures));
        runs.add(python("01-process", "01_napper.py", Drive.toTheEnd(), null));
        runs.add(python("02-exit-codes", "02_exit_codes.py", Drive.toTheEnd(), pictures));
        runs.add(python("02-exit-codes", "02_orphan.py", Drive.toTheEnd(), null));
        runs.add(python("03-daemons", "03_daemons.py", Drive.toTheEnd(), pictures));
        runs.add(python("04-pipes", "04_pipe.py", Drive.toTheEnd(), pictures));
        runs.add(python("04-pipes", "04_duplex.py", Drive.toTheEnd(), null));
        runs.add(python("05-ctrl-c", "05_ctrl_c.py", Drive.ctrlCAfter(3, kind("received")), pictures));
        runs.add(python("06-queues", "06_queues.py", Drive.toTheEnd(), pictures));
        runs.add(python("06-queues", "06_bounded.py", Drive.toTheEnd(), null));
        runs.add(python("06-queues", "06_join_before_get.py", Drive.stopAfter(kind("joining"), Duration.ofMillis(1500)), null));
        runs.add(python("07-ticket-lock", "07_ticket_office.py", Drive.toTheEnd(), pictures));
        runs.add(python("08-karaoke", "08_karaoke.py", Drive.toTheEnd(), pictures));
        runs.add(python("09-traffic-light", "09_traffic_light.py", Drive.toTheEnd(), pictures));
        runs.add(python("10-pool", "10_pool.py", Drive.toTheEnd(), pictures));
        runs.add(python("10-pool", "10_map.py", Drive.toTheEnd(), null));
        runs.add(python("11-manager", "11_manager.py", Drive.toTheEnd(), pictures));
        return runs;
    }

    /** A Python listing's run; with the lesson's picture when {@code pictures} are given, else none. */
    private static BookRun python(String lesson, String file, Drive drive, Map<String, Figure> pictures) {
        return new BookRun(lesson, BookRun.PYTHON + file.substring(0, file.length() - ".py".length()).replace('_', '-'), file, List.of(),
                drive, pictures == null ? null : pictures.get(lesson));
    }

    private static BookRun reference(String lesson, String mainClass, List<String> args, Drive drive, Figure figure) {
        return new BookRun(lesson, BookRun.REFERENCE, mainClass, args, drive, figure);
    }

    private static BookRun wrong(String lesson, String mutant, String mainClass, List<String> args, Drive drive, Figure figure) {
        return new BookRun(lesson, mutant, mainClass, args, drive, figure);
    }

    /** Pairs of the events to label and their labels, in order: the first label of an event wins. */
    static Map<Events, String> labels(Object... pairs) {
        Map<Events, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            labels.put((Events) pairs[i], (String) pairs[i + 1]);
        }
        return labels;
    }
}
