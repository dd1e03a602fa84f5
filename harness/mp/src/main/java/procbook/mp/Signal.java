package procbook.mp;

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
        for (Signal s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        throw new IllegalArgumentException("no Signal with number " + number + "; known: HUP(1), INT(2), KILL(9), TERM(15)");
    }

    @Override
    public String toString() {
        return "SIG" + name();
    }
}
