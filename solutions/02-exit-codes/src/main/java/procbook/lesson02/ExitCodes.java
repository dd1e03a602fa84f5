package procbook.lesson02;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import procbook.mp.Process;
import procbook.mp.Signal;
import procbook.mp.Signals;
import procbook.mp.Trace;

/**
 * Lesson 02 — exit codes, terminate and orphans. Reference solution.
 *
 * <p>Children end in every way a process can: normally, by an exception, by System.exit, by
 * SIGTERM, by SIGKILL. Then a middle process is terminated while its own child lives on.
 *
 * <p>Run: {@code java procbook.lesson02.ExitCodes [sleepMillis]}
 */
public class ExitCodes {
    /** A moment of work before each ending: main asks exitCode() right after start(), while the child still runs. */
    static final long WORK_MILLIS = 500;

    // tag::endings[]
    static void finishes() throws InterruptedException {
        Thread.sleep(WORK_MILLIS);
        Trace.event("working");
    }

    static void fails() throws InterruptedException {
        Thread.sleep(WORK_MILLIS);
        throw new IllegalStateException("something went wrong in the child");
    }

    static void exits(Integer code) throws InterruptedException {
        Thread.sleep(WORK_MILLIS);
        System.exit(code);
    }
    // end::endings[]

    static void sleeps(Long millis) throws InterruptedException {
        Trace.event("sleeping");
        Thread.sleep(millis);
    }

    /** Ignores SIGTERM, and says so once it does (we have no pipes yet: a file will do). */
    static void stubborn(Long millis) throws Exception {
        Signals.handle(Signal.TERM, s -> Trace.event("ignoring-term"));
        Files.createFile(Path.of("stubborn.ready"));
        Thread.sleep(millis);
    }

    // tag::orphan[]
    /** Starts a grandchild, tells the main process its pid, and sleeps. */
    static void middle(Long millis) throws Exception {
        Process grandchild = new Process(ExitCodes::sleeps, millis);
        grandchild.start();
        Trace.event("grandchild-started", "pid", grandchild.pid());
        Files.writeString(Path.of("grandchild.pid"), Long.toString(grandchild.pid()));
        Thread.sleep(millis);
    }
    // end::orphan[]

    public static void main(String[] args) throws Exception {
        long sleepMillis = args.length > 0 ? Long.parseLong(args[0]) : 60_000;

        // tag::exit-codes[]
        Process[] endings = {new Process(ExitCodes::finishes), new Process(ExitCodes::fails), new Process(ExitCodes::exits, 3)};
        for (Process p : endings) {
            p.start();
            Trace.event("running", "name", p.name(), "exitcode", p.exitCode().isPresent() ? "present" : "none");
            p.join();
            report(p);
        }
        // end::exit-codes[]

        // tag::terminate-kill[]
        Process sleeper = new Process(ExitCodes::sleeps, sleepMillis).setName("sleeper");
        sleeper.start();
        sleeper.terminate();
        sleeper.join();
        report(sleeper);

        Process stubborn = new Process(ExitCodes::stubborn, sleepMillis).setName("stubborn");
        stubborn.start();
        waitForFile("stubborn.ready", stubborn);
        stubborn.terminate();
        boolean ended = stubborn.join(Duration.ofMillis(500));
        Trace.event("after-terminate", "name", "stubborn", "ended", ended);
        stubborn.kill();
        stubborn.join();
        report(stubborn);
        // end::terminate-kill[]

        // tag::terminate-middle[]
        Process middle = new Process(ExitCodes::middle, sleepMillis).setName("middle");
        middle.start();
        long grandchild = Long.parseLong(waitForFile("grandchild.pid", middle));
        middle.terminate();
        middle.join();
        report(middle);
        Trace.event("orphan", "pid", grandchild, "alive", ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));
        // end::terminate-middle[]
    }

    static void report(Process p) {
        System.out.printf("%s ended with exit code %d%s%n", p.name(), p.exitCode().getAsInt(),
                p.killedBy().map(s -> " (" + s + ")").orElse(""));
        Trace.event("exit-code", "name", p.name(), "code", p.exitCode().getAsInt());
    }

    /**
     * Waits until the child {@code writer} has written {@code file} in the working folder, and returns its
     * content. If the child ends without writing it, waiting longer would be waiting for ever: it says so.
     */
    static String waitForFile(String file, Process writer) throws Exception {
        Path path = Path.of(file);
        while (!Files.exists(path) || Files.size(path) == 0 && !file.endsWith(".ready")) {
            if (!writer.isAlive() && !Files.exists(path)) {
                throw new IllegalStateException(writer.name() + " ended (exit code " + writer.exitCode().getAsInt()
                        + ") without writing " + file + ": look at its error above");
            }
            Thread.sleep(10);
        }
        return Files.readString(path);
    }
}
