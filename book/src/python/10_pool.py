# Lesson 10, the idea in Python: a pool of four workers, six tasks, one of them failing.
# tag::listing[]
import multiprocessing as mp
import time
from procbook_trace import event

def nap(task, seconds):
    print(f"task {task} starts in {mp.current_process().name}")
    event("task-start", task=task)
    time.sleep(seconds)                       # a negative time raises ValueError
    event("task-end", task=task)
    return f"task {task} slept {seconds} s"

if __name__ == "__main__":
    pool = mp.Pool(4)                         # four worker processes, started now
    results = [pool.apply_async(nap, (t, 0.5)) for t in range(1, 6)]
    broken = pool.apply_async(nap, (6, -1))
    pool.close()                              # no new tasks from here on
    try:
        pool.apply_async(nap, (7, 0.5))
    except ValueError as e:                   # "Pool not running"
        print("refused:", e)
        event("refused", message=e)
    pool.join()                               # wait for the tasks, then for the workers to end
    event("pool-joined")
    for task, r in enumerate(results, start=1):
        print(r.get())                        # each result to the call that asked for it
        event("result", task=task, text=r.get())
    try:
        broken.get()
    except ValueError as e:                   # raised in a worker, raised again here
        print("task 6 failed:", e)
        event("task-failed", task=6, message=e)
# end::listing[]
