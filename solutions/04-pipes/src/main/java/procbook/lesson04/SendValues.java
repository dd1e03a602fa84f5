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
        out.send(MIXED);
        for (int i = 1; i <= numbers; i++) {
            out.send(i);
        }
        Trace.event("closing"); // before close(): the parent's end of file can only come after this line
        out.close();
    }
    // end::sender[]

    public static void main(String[] args) {
        int numbers = args.length > 0 ? Integer.parseInt(args[0]) : 5;

        // tag::main[]
        Pipe pipe = Pipe.oneWay();
        Process sender = new Process(SendValues::sendValues, pipe.sendEnd(), numbers);
        sender.start();
        Connection in = pipe.receiveEnd();
        try {
            while (true) {
                Object value = in.recv();
                System.out.println("received: " + value);
                Trace.event("received", "value", value);
            }
        } catch (EndOfPipeException e) {
            System.out.println("end of pipe: " + e.getMessage());
            Trace.event("end-of-pipe");
        }
        sender.join();
        // end::main[]
    }
}
