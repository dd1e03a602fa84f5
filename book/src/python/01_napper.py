# Lesson 01, the same child as a class: run() is what the new process executes.
import multiprocessing as mp
import time
from procbook_trace import event

# tag::listing[]
class Napper(mp.Process):
    def __init__(self, seconds):
        super().__init__()
        self.seconds = seconds

    def run(self):
        event("greeted-by-subclass", who="Napper")
        time.sleep(self.seconds)

if __name__ == "__main__":
    n = Napper(0.2)
    n.start()
    n.join()
    event("main-done")
# end::listing[]
