# Lesson 08, the idea in Python: a room of four places, ten customers.
# tag::listing[]
import multiprocessing as mp
import random
import time
from procbook_trace import event

def customer(room, door, n):
    door.wait()                                 # all arrive before anyone goes in
    with room:                                  # take one of the four places, or wait for one
        print(f"customer {n} sings")
        event("entered", customer=n)
        time.sleep(random.uniform(0.2, 0.4))
        print(f"customer {n} leaves")
        event("left", customer=n)
                                                # leaving the block gives the place back

if __name__ == "__main__":
    room = mp.Semaphore(4)
    door = mp.Barrier(10)
    customers = [mp.Process(target=customer, args=(room, door, n), name=f"customer-{n}")
                 for n in range(1, 11)]
    for c in customers:
        c.start()
    for c in customers:
        c.join()
# end::listing[]
