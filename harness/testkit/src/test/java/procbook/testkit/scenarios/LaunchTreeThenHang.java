package procbook.testkit.scenarios;

import procbook.testkit.Events;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;

/** Plays a test JVM that starts a scenario and then is killed: prints the scenario's group, hangs. */
public class LaunchTreeThenHang {
    public static void main(String[] args) throws InterruptedException {
        ScenarioRun run = Scenarios.of(Tree.class).run();
        run.awaitEvent(Events.kind("ready"));
        System.out.println("PGID " + run.processGroup() + " DIR " + run.directory());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
