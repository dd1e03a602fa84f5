package procbook.lesson96;

import procbook.mp.Trace;

/** Fixture stub: records a greeting. */
public class Hello {
    public static void main(String[] args) {
        // TODO: record Trace.event("hello")
        throw new UnsupportedOperationException("not done yet: main() must say hello (TODO)");
    }
}
