# Lesson 06: a bounded queue, and calls that give up after a while.
import multiprocessing as mp
import time
from procbook_trace import event

if __name__ == "__main__":
    # tag::listing[]
    import queue                            # only for its exceptions, queue.Full and queue.Empty

    small = mp.Queue(maxsize=1)
    small.put("first")
    start = time.monotonic()
    try:
        small.put("second", timeout=0.2)    # waits 0.2 s for room, then gives up
    except queue.Full:
        print("full")
        event("full", waited=round((time.monotonic() - start) * 1000))
    small.get()
    start = time.monotonic()
    try:
        small.get(timeout=0.2)              # waits 0.2 s for an item, then gives up
    except queue.Empty:
        print("empty")
        event("empty", waited=round((time.monotonic() - start) * 1000))
    # end::listing[]
