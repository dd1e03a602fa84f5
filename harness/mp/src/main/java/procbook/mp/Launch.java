package procbook.mp;

import java.io.Serializable;

/**
 * What a parent sends a new child JVM: the process to run, who its parent is, where to say how it ended.
 *
 * <p>A plain class, not a record: a record is deserialized through method handles whose set-up
 * costs a fresh JVM tens of milliseconds, paid by every child.
 */
final class Launch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Process process;
    private final String parentName;
    private final long parentPid;
    private final String statusFile;

    Launch(Process process, String parentName, long parentPid, String statusFile) {
        this.process = process;
        this.parentName = parentName;
        this.parentPid = parentPid;
        this.statusFile = statusFile;
    }

    Process process() {
        return process;
    }

    String parentName() {
        return parentName;
    }

    long parentPid() {
        return parentPid;
    }

    String statusFile() {
        return statusFile;
    }
}
