package procbook.mp;

import java.io.Serializable;

/**
 * What a {@link Process} runs: Python's {@code target=}. A lambda or a method reference fits.
 *
 * <p>It is {@link Serializable} because it travels, with its arguments, to a brand-new JVM:
 * a child process shares no memory with its parent, it gets a copy of what it needs.
 *
 * <pre>{@code
 * new Process(Greeter::greet, "Ada", 300L)      // Target.Two<String, Long>
 * new Process(() -> System.out.println("hi"))    // Target
 * }</pre>
 */
@FunctionalInterface
public interface Target extends Serializable {
    void run() throws Exception;

    /** A target taking one argument. */
    @FunctionalInterface
    interface One<A> extends Serializable {
        void run(A a) throws Exception;
    }

    /** A target taking two arguments. */
    @FunctionalInterface
    interface Two<A, B> extends Serializable {
        void run(A a, B b) throws Exception;
    }

    /** A target taking three arguments. */
    @FunctionalInterface
    interface Three<A, B, C> extends Serializable {
        void run(A a, B b, C c) throws Exception;
    }

    /** A target taking four arguments: beyond that, pass a record. */
    @FunctionalInterface
    interface Four<A, B, C, D> extends Serializable {
        void run(A a, B b, C c, D d) throws Exception;
    }
}
