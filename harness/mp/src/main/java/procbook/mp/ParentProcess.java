package procbook.mp;

/**
 * The process that started this one, as seen from the child: Python's {@code parent_process()}.
 *
 * @param name the parent's name, {@code MainProcess} for the program's first JVM
 * @param pid  the parent's pid when it started this process
 */
public record ParentProcess(String name, long pid) {
    public ParentProcess {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parent process needs a name, got " + (name == null ? "null" : "a blank one"));
        }
    }

    /** Whether the parent still runs. An orphan's parent does not. */
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
