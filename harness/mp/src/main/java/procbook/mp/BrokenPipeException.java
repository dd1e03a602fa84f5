package procbook.mp;

/**
 * A send on a pipe whose other end is closed, or whose process has ended: nobody would ever read
 * the message. Python's {@code BrokenPipeError}.
 */
public final class BrokenPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenPipeException(String message) {
        super(message);
    }
}
