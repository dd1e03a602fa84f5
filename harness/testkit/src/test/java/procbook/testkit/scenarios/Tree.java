package procbook.testkit.scenarios;

import procbook.mp.Process;
import procbook.mp.Trace;

/** A scenario that never ends by itself: a main process, a child, a grandchild, all sleeping. */
public class Tree {
    static void child() throws InterruptedException {
        new Process(Tree::grandchild).start();
        Thread.sleep(Long.MAX_VALUE);
    }

    static void grandchild() throws InterruptedException {
        Trace.event("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    public static void main(String[] args) throws InterruptedException {
        new Process(Tree::child).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
