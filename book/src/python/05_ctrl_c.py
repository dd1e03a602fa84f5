# Lesson 05, the idea in Python: Ctrl-C reaches every process of the group; each stops cleanly.
# tag::listing[]
import multiprocessing as mp
import signal
import time
from procbook_trace import event

stopped = False

def stop_on_ctrl_c():
    def on_sigint(signum, frame):
        global stopped
        event("ctrl-c")
        stopped = True                  # only a flag: the loops notice it and finish
    signal.signal(signal.SIGINT, on_sigint)

def sender(out, ready):
    stop_on_ctrl_c()
    count = 0
    while not stopped:
        out.send(count)
        event("sent", value=count)
        count += 1
        ready.release()                 # one permit per value sent
        time.sleep(0.3)
    out.send(count)                     # a last value...
    ready.release()                     # ...and a last permit, for a receiver stuck in acquire()
    event("sender-stopped")

def receiver(inbox, ready):
    stop_on_ctrl_c()
    while not stopped:
        ready.acquire()
        value = inbox.recv()
        print("received", value)
        event("received", value=value)
    event("receiver-stopped")

if __name__ == "__main__":
    stop_on_ctrl_c()
    ready = mp.Semaphore(0)
    inbox, out = mp.Pipe(duplex=False)
    workers = [mp.Process(target=sender, args=(out, ready), name="sender"),
               mp.Process(target=receiver, args=(inbox, ready), name="receiver")]
    for w in workers:
        w.start()
    while not stopped:
        time.sleep(0.02)
    for w in workers:
        w.join()
    print("stopped cleanly")
    event("main-stopped")
# end::listing[]
