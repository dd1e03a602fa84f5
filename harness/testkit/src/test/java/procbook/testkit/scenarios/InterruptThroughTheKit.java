package procbook.testkit.scenarios;

import procbook.mp.Signal;
import procbook.testkit.Events;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;

/** Plays a test JVM started with SIGINT ignored: runs Interruptible through the kit and sends it Ctrl-C. */
public class InterruptThroughTheKit {
    public static void main(String[] args) {
        try (ScenarioRun run = Scenarios.of(Interruptible.class).run()) {
            run.awaitEvent(Events.kind("waiting"));
            run.signalGroup(Signal.INT);
            int code = run.awaitExit();
            System.out.println("EXIT " + code + " STOPPING " + run.trace().first(Events.kind("stopping")).isPresent());
        }
    }
}
