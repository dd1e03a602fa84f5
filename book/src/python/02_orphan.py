# Lesson 02: terminate() ends one process, not its children: the grandchild lives on, an orphan.
import multiprocessing as mp
import time
from procbook_trace import event

# tag::listing[]
import os

def grandchild():
    for _ in range(6):
        print("grandchild: my parent is", os.getppid())
        event("parent", pid=os.getppid())
        time.sleep(0.5)

def middle():
    g = mp.Process(target=grandchild)
    g.start()
    event("grandchild-started", pid=g.pid)
    g.join()

if __name__ == "__main__":
    m = mp.Process(target=middle, name="middle")
    m.start()
    time.sleep(1)
    m.terminate()                       # ends the middle process only
    m.join()
    event("exit-code", name=m.name, code=m.exitcode)
    time.sleep(2)                       # the grandchild keeps printing, with a new parent
# end::listing[]
