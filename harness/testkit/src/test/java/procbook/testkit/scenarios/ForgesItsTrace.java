package procbook.testkit.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import procbook.mp.Trace;

/** A scenario that writes into its own trace file instead of recording through mp: what it writes comes as argument 0. */
public class ForgesItsTrace {
    public static void main(String[] args) throws Exception {
        Trace.event("honest");
        long me = ProcessHandle.current().pid();
        String lines = switch (args[0]) {
            case "made-up-pid" -> "1\t999999\t" + me + "\tProcess-1\tstarted\tdaemon=false\n"
                    + "2\t" + me + "\t1\tMainProcess\tjoined\tchild=Process-1\tcode=0\n";
            case "outsider-pid" -> "1\t1\t0\tinit\tgreeted\n";
            case "garbage" -> "this is no trace line\n";
            default -> throw new IllegalArgumentException(args[0]);
        };
        Files.writeString(Path.of(System.getenv(Trace.ENVIRONMENT_VARIABLE)), lines, StandardOpenOption.APPEND);
        Trace.event("done");
    }
}
