package procbook.mp;

/**
 * A {@link Semaphore} that refuses to be released beyond its initial value: releasing more often
 * than acquiring is an error here, where a plain semaphore would silently grow. Python's
 * {@code multiprocessing.BoundedSemaphore}.
 */
public final class BoundedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    public BoundedSemaphore(int value) {
        this(value, null);
    }

    public BoundedSemaphore(int value, String name) {
        super(value, name, true);
    }
}
