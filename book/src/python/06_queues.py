# Lesson 06, the idea in Python: a queue that any number of processes put into and get from.
# tag::listing[]
import multiprocessing as mp
import random
import time
from procbook_trace import event

def greet(q):
    q.put(f"hello from {mp.current_process().name}")

def put_power(q, i):
    q.put((i, i ** i))

def writer(q, letters):
    for letter in letters:
        time.sleep(random.uniform(0.01, 0.05))
        q.put(letter)
    q.put(None)                         # the end marker: nothing more will come

def reader(q):
    while (item := q.get()) is not None:
        print("read", item)

if __name__ == "__main__":
    q = mp.Queue()
    child = mp.Process(target=greet, args=(q,))
    child.start()
    greeting = q.get()
    print(greeting)                     # hello from Process-1
    event("got-greeting", text=greeting)
    child.join()

    producers = [mp.Process(target=put_power, args=(q, i)) for i in range(10)]
    for p in producers:
        p.start()
    for _ in range(10):
        i, value = q.get()
        print(i, value)                 # in the order the producers got there, not 0 to 9
        event("got-power", i=i, value=value)
    for p in producers:
        p.join()
# end::listing[]
