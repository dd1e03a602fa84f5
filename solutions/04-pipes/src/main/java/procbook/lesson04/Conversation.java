package procbook.lesson04;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import procbook.mp.Connection;
import procbook.mp.Pipe;
import procbook.mp.Process;
import procbook.mp.Trace;

/**
 * Lesson 04, scenario B — a conversation over a duplex pipe.
 *
 * <p>A child introduces itself with a record (a name and a number) and waits for a reply. The
 * parent receives the introduction and replies with the set of the name's letters, each doubled.
 *
 * <p>Run: {@code java procbook.lesson04.Conversation [name] [number]}
 */
public class Conversation {
    /** What the child sends: a record travels as a copy, so it must be Serializable. */
    record Introduction(String name, int number) implements Serializable {
    }

    // tag::child[]
    /** The child: introduces itself, then waits for the reply and prints it. */
    static void introduce(Connection conn, String name, Integer number) {
        conn.send(new Introduction(name, number));
        Trace.event("introduced", "name", name, "number", number);
        Set<String> reply = conn.recv();
        System.out.println("child got the reply " + reply);
        Trace.event("got-reply", "reply", String.join(",", new TreeSet<>(reply)));
    }
    // end::child[]

    // tag::doubled[]
    /** Each letter of {@code word}, doubled: "Ada" gives {"AA", "dd", "aa"}. */
    static Set<String> doubledLetters(String word) {
        Set<String> doubled = new HashSet<>();
        for (char c : word.toCharArray()) {
            doubled.add("" + c + c);
        }
        return doubled;
    }
    // end::doubled[]

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "Ada";
        int number = args.length > 1 ? Integer.parseInt(args[1]) : 36;

        // tag::main[]
        Pipe pipe = Pipe.open();
        Process child = new Process(Conversation::introduce, pipe.end2(), name, number);
        child.start();
        Connection conn = pipe.end1();
        Introduction intro = conn.recv();
        System.out.println("parent received " + intro);
        Trace.event("received", "name", intro.name(), "number", intro.number());
        Trace.event("replying"); // before send(): the child may print the reply before a later line is written
        conn.send(doubledLetters(intro.name()));
        child.join();
        // end::main[]
    }
}
