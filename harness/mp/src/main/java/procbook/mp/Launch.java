package procbook.mp;

import java.io.Serializable;

/** What a parent sends a new child JVM: the process to run, who its parent is, where to say how it ended. */
record Launch(Process process, String parentName, long parentPid, String statusFile) implements Serializable {
}
