# Lesson 01, the idea in Python: a child process and its life. The build runs it and checks its trace.
# tag::listing[]
import multiprocessing as mp
import os
import time
from procbook_trace import event          # the book's helper: records what mp's Trace.event records

def nap(label, seconds):
    me = mp.current_process()
    print(f"{label}: I am {me.name}, pid {os.getpid()}, parent {os.getppid()}")
    event("greeted", who=label, name=me.name, pid=os.getpid(), parent=os.getppid())
    time.sleep(seconds)
    print(f"{label}: awake again")
    event("done")

if __name__ == "__main__":
    kid = mp.Process(target=nap, args=("kid", 0.5))
    kid.start()
    print("parent: started pid", kid.pid, "alive:", kid.is_alive())
    event("after-start", alive=kid.is_alive())
    kid.join()
    print("parent: joined, exit code", kid.exitcode)
    event("after-join", alive=kid.is_alive(), exitcode=kid.exitcode)
# end::listing[]
