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
        // TODO 1: send new Introduction(name, number), then record
        //         Trace.event("introduced", "name", name, "number", number);
        // TODO 2: receive the reply (a Set<String>), print it, and record
        //         Trace.event("got-reply", "reply", String.join(",", new TreeSet<>(reply)));
        throw new UnsupportedOperationException("not done yet: introduce() — introduce yourself, then wait for the reply (TODO 1 and 2)");
    }
    // end::child[]

    // tag::doubled[]
    /** Each letter of {@code word}, doubled: "Ada" gives {"AA", "dd", "aa"}. */
    static Set<String> doubledLetters(String word) {
        // TODO 3: return the set of each letter of word written twice.
        throw new UnsupportedOperationException("not done yet: doubledLetters() (TODO 3)");
    }
    // end::doubled[]

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "Ada";
        int number = args.length > 1 ? Integer.parseInt(args[1]) : 36;

        // tag::main[]
        // TODO 4: create a duplex pipe; start a Process running introduce(<one end>, name, number).
        // TODO 5: on the other end, receive the Introduction, print it and record
        //         Trace.event("received", "name", <its name>, "number", <its number>);
        // TODO 6: record Trace.event("replying"), then send back doubledLetters(<the name you received>);
        //         then wait for the child to end.
        throw new UnsupportedOperationException("not done yet: main() — receive the introduction and reply (TODO 4 to 6)");
        // end::main[]
    }
}
