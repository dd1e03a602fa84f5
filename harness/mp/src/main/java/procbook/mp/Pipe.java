package procbook.mp;

/**
 * A pipe between processes: two {@link Connection}s, each the end of one process. Python's
 * {@code multiprocessing.Pipe()}.
 *
 * <pre>{@code
 * Pipe pipe = Pipe.open();                 // both ends send and receive
 * new Process(Child::talk, pipe.end2()).start();
 * pipe.end1().send("hello");
 *
 * Pipe oneWay = Pipe.oneWay();             // Python's Pipe(duplex=False)
 * Connection in = oneWay.receiveEnd(), out = oneWay.sendEnd();
 * }</pre>
 *
 * <p>How it works: one file of {@link SharedMemory} holds a ring buffer for each direction; see
 * {@link PipeRing}, which both ends use to send and receive.
 *
 * @param end1 the first end; the receive end of a one-way pipe
 * @param end2 the second end; the send end of a one-way pipe
 */
public record Pipe(Connection end1, Connection end2) {
    public Pipe {
        if (end1 == null || end2 == null) {
            throw new IllegalArgumentException("a Pipe has two ends; create one with Pipe.open() or Pipe.oneWay()");
        }
    }

    /** A new pipe whose two ends both send and receive. */
    public static Pipe open() {
        return open(null);
    }

    /** The same, with a name for the trace and messages, such as {@code values}. */
    public static Pipe open(String name) {
        return create(name, true);
    }

    /** A new one-way pipe: {@link #receiveEnd()} only receives, {@link #sendEnd()} only sends. */
    public static Pipe oneWay() {
        return oneWay(null);
    }

    public static Pipe oneWay(String name) {
        return create(name, false);
    }

    /** The end that receives: the same as {@link #end1()}. */
    public Connection receiveEnd() {
        return end1;
    }

    /** The end that sends: the same as {@link #end2()}. */
    public Connection sendEnd() {
        return end2;
    }

    private static Pipe create(String name, boolean duplex) {
        String checked = Names.checked(name, "Pipe", Pipe.class);
        SharedMemory m = PipeRing.create();
        return new Pipe(new Connection(m, checked, 1, duplex, true), new Connection(m, checked, 2, true, duplex));
    }
}
