# Lesson 03, the idea in Python: a daemon child ends with its parent; an ordinary one is waited for.
# tag::listing[]
import multiprocessing as mp
import time
from procbook_trace import event

def heartbeat():
    while True:
        print("alive", flush=True)
        event("alive")
        time.sleep(0.1)

def count(steps):
    for i in range(1, steps + 1):
        time.sleep(0.2)
        print("count", i, flush=True)
        event("count", step=i)
    event("count-done")

if __name__ == "__main__":
    beat = mp.Process(target=heartbeat, daemon=True, name="heartbeat")
    counter = mp.Process(target=count, args=(5,), name="counter")
    beat.start()
    counter.start()
    time.sleep(0.5)
    print("main: my own work is done")
    event("main-waiting")
    # No join: leaving the main code, Python ends `beat`
    # and waits for `counter` to count to five.
# end::listing[]
