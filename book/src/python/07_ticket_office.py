# Lesson 07, the idea in Python: ten buyers, three tickets, one lock.
# tag::listing[]
import json
import multiprocessing as mp
import time
from procbook_trace import event

def buy(lock, buyer):
    with lock:                                   # acquire() here, release() at the end, always
        event("buy-start", buyer=buyer)
        with open("tickets.json") as f:
            left = json.load(f)["tickets"]
        time.sleep(0.1)                          # a slow network
        if left > 0:
            left -= 1
            time.sleep(0.1)
            with open("tickets.json", "w") as f:
                json.dump({"tickets": left}, f)
            print(f"buyer {buyer} bought a ticket, {left} left")
            event("bought", buyer=buyer, left=left)
        else:
            print(f"buyer {buyer} found none left")
            event("sold-out", buyer=buyer)
        event("buy-end", buyer=buyer)

if __name__ == "__main__":
    with open("tickets.json", "w") as f:
        json.dump({"tickets": 3}, f)
    lock = mp.Lock()                             # one lock, handed to every buyer
    buyers = [mp.Process(target=buy, args=(lock, b), name=f"buyer-{b}") for b in range(1, 11)]
    for p in buyers:
        p.start()
    for p in buyers:
        p.join()
# end::listing[]
