package procbook.lesson04;

import java.util.Arrays;
import java.util.List;
import procbook.mp.Connection;
import procbook.mp.EndOfPipeException;
import procbook.mp.Pipe;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 04, scenario A — values through a one-way pipe, then end of file.
 *
 * <p>A child sends a list of mixed values, then a few numbered messages, and closes its end. The
 * parent receives until the pipe tells it that nothing more will come.
 *
 * <p>Run: {@code java procbook.lesson04.SendValues [numbers]}
 */
public class SendValues {
    /** Mixed values: Python would send {@code [42, 'hello', 3.14, True, None]}. */
    static final List<Object> MIXED = Arrays.asList(42, "hello", 3.14, true, null);

    // tag::sender[]
    /** The child: sends the mixed list as one message, then 1..numbers, then closes its end. */
    static void sendValues(Connection out, Integer numbers) {
        // TODO 1: send MIXED as one message, then the numbers 1 to numbers, one message each.
        // TODO 2: record Trace.event("closing"); then close your end. (Recorded before close(): once the end
        //         is closed the parent may see the end of the pipe at once, before a later line is written.)
        throw new UnsupportedOperationException("not done yet: sendValues() — send the values, then close (TODO 1 and 2)");
    }
    // end::sender[]

    public static void main(String[] args) {
        int numbers = args.length > 0 ? Integer.parseInt(args[0]) : 5;

        // tag::main[]
        // TODO 3: create a one-way pipe, and start a Process running sendValues(<the pipe's send end>, numbers).
        // TODO 4: receive from the pipe's receive end until it throws EndOfPipeException. For each
        //         value, print it and record Trace.event("received", "value", value);
        //         at the end of the pipe, record Trace.event("end-of-pipe");
        // TODO 5: wait for the sender to end.
        throw new UnsupportedOperationException("not done yet: main() — receive until the end of the pipe (TODO 3 to 5)");
        // end::main[]
    }
}
