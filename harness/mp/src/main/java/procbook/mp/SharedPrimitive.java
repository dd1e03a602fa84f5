package procbook.mp;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What every shared primitive of mp stands on — a {@link Lock}, an {@link Event}, a {@link Queue}
 * — and how it travels to another process.
 *
 * <p>Its state lives in a file of {@link SharedMemory}, never in the Java object. So only the
 * file's path, the kind and the name travel (and a subclass's own settings, such as a barrier's
 * parties); the mapping is transient. On arrival, {@link #readResolve()} maps the same file, and
 * from then on both processes see one lock word, one ring, one flag.
 */
abstract class SharedPrimitive implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The file of shared memory, as a path: what the copy in another process maps. */
    final String file;
    /** The kind in messages and in the shared memory's folder: {@code Lock}, {@code JoinableQueue}, … */
    final String kind;
    /** The name given at creation, or {@code Kind-N}: in the trace and in messages. */
    final String name;
    transient SharedMemory memory;

    /** A new primitive of {@code bytes} bytes of shared memory, zero-filled. */
    SharedPrimitive(String kind, String name, int bytes) {
        this.kind = kind;
        this.name = Names.checked(name, kind, getClass());
        this.memory = SharedMemory.create(kind, bytes);
        this.file = memory.path.toString();
    }

    /** The name given at creation: {@code Lock-1} and so on when none was. */
    public String name() {
        return name;
    }

    /** On arrival in another process: the copy maps the same file as the original. */
    Object readResolve() throws ObjectStreamException {
        memory = SharedMemory.open(Path.of(file), kind);
        return this;
    }
}
