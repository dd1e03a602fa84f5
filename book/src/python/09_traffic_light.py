# Lesson 09, the idea in Python: a traffic light is an event; cars wait for it.
# tag::listing[]
import multiprocessing as mp
import random
import time
from procbook_trace import event

def light(green, period):
    while True:
        green.clear()                           # red: cars that arrive now wait
        print("light: red")
        event("red")
        time.sleep(period)
        print("light: green")
        event("green")
        green.set()                             # green: every waiting car goes on
        time.sleep(period)

def car(green, n, patience):
    event("arrived", car=n)
    if not green.is_set():
        print(f"car {n}: red, waiting")
        event("waiting", car=n)
        while not green.wait(patience):         # False: the patience ran out first
            print(f"car {n}: honk!")
            event("honked", car=n)
    print(f"car {n} passes")
    event("passed", car=n)

if __name__ == "__main__":
    green = mp.Event()                          # starts clear: the light is red
    cars = []
    for n in range(1, 11):
        c = mp.Process(target=car, args=(green, n, 0.2), name=f"car-{n}")
        c.start()
        cars.append(c)
        if n == 1:                              # the light runs for ever: a daemon
            mp.Process(target=light, args=(green, 0.6), daemon=True, name="light").start()
        time.sleep(random.uniform(0, 0.2))
    for c in cars:
        c.join()                                # the cars, never the light
# end::listing[]
