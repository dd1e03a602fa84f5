package procbook.mp;

/** What {@link Process#sentinel()} returns: ready once the process has ended. */
record ProcessSentinel(Process process) implements Waitable {
    @Override
    public boolean isReady() {
        return !process.isAlive();
    }

    @Override
    public String toString() {
        return "sentinel of " + process.name();
    }
}
