package procbook.mp;

/**
 * Nothing more will ever arrive on this pipe: the other end was closed, or its process ended, and
 * every message it sent has been received. Python's {@code EOFError} from {@code recv()}.
 * Receiving until this exception is how a reader learns that the writer is done.
 */
public final class EndOfPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EndOfPipeException(String message) {
        super(message);
    }
}
