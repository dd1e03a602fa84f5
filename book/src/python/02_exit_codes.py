# Lesson 02, the idea in Python: how a child ends, and what its exit code says.
# tag::listing[]
import multiprocessing as mp
import signal
import sys
import time
from procbook_trace import event

def fine():
    pass

def broken():
    raise ValueError("not today")

def leaves():
    sys.exit(3)

def sleeper():
    time.sleep(60)

def deaf():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(60)

if __name__ == "__main__":
    for f in (fine, broken, leaves):
        p = mp.Process(target=f)
        p.start()
        p.join()
        print(f.__name__, p.exitcode)   # fine 0, broken 1, leaves 3
        event("exit-code", name=p.name, code=p.exitcode)

    p = mp.Process(target=sleeper, name="sleeper")
    p.start()
    print(p.exitcode)                   # None: still running
    p.terminate()                       # sends SIGTERM, returns at once
    p.join()
    print(p.exitcode)                   # -15: ended by signal 15
    event("exit-code", name=p.name, code=p.exitcode)

    p = mp.Process(target=deaf, name="stubborn")
    p.start()
    time.sleep(0.5)                     # give it time to install its handler
    p.terminate()
    p.join(1)
    print(p.is_alive())                 # True: it ignored SIGTERM
    event("after-terminate", name=p.name, ended=not p.is_alive())
    p.kill()                            # SIGKILL cannot be ignored
    p.join()
    print(p.exitcode)                   # -9
    event("exit-code", name=p.name, code=p.exitcode)
# end::listing[]
