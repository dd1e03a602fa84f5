# Lesson 06, where Python differs: a child that put a large item cannot end until someone reads it,
# so joining it before get() waits for ever. The build runs it, sees it hang, and stops it.
import multiprocessing as mp
from procbook_trace import event

# tag::listing[]
def produce(q):
    q.put("x" * 1_000_000)              # far more than a pipe holds
    event("put")

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q,))
    p.start()
    event("joining")
    p.join()                            # hangs: the child cannot exit until someone reads
    event("joined")
    print(len(q.get()))
# end::listing[]
