# Lesson 04, the idea in Python: a one-way pipe, read until its end.
# tag::listing[]
import multiprocessing as mp
from procbook_trace import event

def send_values(out, numbers):
    out.send([42, "hello", 3.14, True, None])   # any picklable value is one message
    for i in range(1, numbers + 1):
        out.send(i)
    event("closing")
    out.close()                                  # "nothing more from me"

if __name__ == "__main__":
    inbox, out = mp.Pipe(duplex=False)
    sender = mp.Process(target=send_values, args=(out, 5))
    sender.start()
    out.close()              # the parent's copy of the child's end: forget this and recv() hangs
    try:
        while True:
            value = inbox.recv()
            print(value)
            event("received", value=value)
    except EOFError:         # every message read, and no writer is left
        print("end of pipe")
        event("end-of-pipe")
    sender.join()
# end::listing[]
