package procbook.mp;

import java.util.Optional;

/**
 * The POSIX signals a lesson uses. The numbers are the same on Linux and macOS.
 * Python: {@code signal.SIGINT}, {@code signal.SIGTERM}, ...
 */
public enum Signal {
    /** Hang-up: the terminal went away. */
    HUP(1),
    /** Interrupt: what Ctrl-C sends to the whole foreground process group. */
    INT(2),
    /** Kill: cannot be handled, ignored or blocked. */
    KILL(9),
    /** Terminate: the polite request to end, sent by {@link Process#terminate()}. */
    TERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The signal with this number, for reading exit codes ({@code -15} means "ended by TERM"). */
    public static Signal ofNumber(int number) {
        return find(number).orElseThrow(() -> new IllegalArgumentException("no Signal with number " + number
                + "; known: HUP(1), INT(2), KILL(9), TERM(15)"));
    }

    /** The signal with this number, if it is one of these. */
    public static Optional<Signal> find(int number) {
        for (Signal s : values()) {
            if (s.number == number) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The name the OS gives signal {@code number}, for messages about exit codes: {@code SIGTERM}
     * for 15, and the few others a crashing JVM meets ({@code SIGABRT}, {@code SIGSEGV}, …) with the
     * numbers Linux and macOS share; {@code signal N} for any other.
     */
    public static String nameOf(int number) {
        return find(number).map(Signal::toString).orElseGet(() -> switch (number) {
            case 3 -> "SIGQUIT";
            case 6 -> "SIGABRT";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            default -> "signal " + number;
        });
    }

    @Override
    public String toString() {
        return "SIG" + name();
    }
}
