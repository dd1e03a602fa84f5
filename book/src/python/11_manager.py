# Lesson 11, the idea in Python: a manager's queue and lock, shared by a pool's workers.
# tag::listing[]
import multiprocessing as mp
import time
from procbook_trace import event

def write(q, lock, letters, pause):
    with lock:                                  # the other writer waits here
        event("writer-start", letters=letters)
        for letter in letters:
            q.put(letter)
            time.sleep(pause)
        event("writer-end", letters=letters)
    return len(letters)

def read(q):
    items = []
    while not q.empty():                        # run after the writers: empty is empty for good
        items.append(q.get())
    return "".join(items)

def size(q):
    return q.qsize()

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.apply(size, (mp.Queue(),))
        except RuntimeError as e:               # "Queue objects should only be shared between
            print(e)                            #  processes through inheritance"
            event("plain-queue-refused", message=e)

    with mp.Manager() as manager, mp.Pool(2) as pool:
        q, lock = manager.Queue(), manager.Lock()
        writers = [pool.apply_async(write, (q, lock, s, 0.1)) for s in ("ABC", "XYZ")]
        written = sum(w.get() for w in writers)
        read_back = pool.apply(read, (q,))
        print(written, read_back)               # 6 ABCXYZ, or 6 XYZABC
        event("done", written=written, read=read_back)
# end::listing[]
