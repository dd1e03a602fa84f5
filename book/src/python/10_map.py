# Lesson 10: a pool applies one function to many items.
import multiprocessing as mp
from procbook_trace import event

def square(x):
    return x * x

if __name__ == "__main__":
    # tag::listing[]
    with mp.Pool() as pool:                       # one worker per CPU; terminate() at the end of the block
        print(pool.map(square, range(10)))        # [0, 1, 4, ...], in the order of the items
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
        for r in pool.imap_unordered(square, range(10)):
            print(r)                              # each result as soon as it is ready
    # end::listing[]
        event("mapped", squares=pool.map(square, range(10)), powers=pool.starmap(pow, [(2, 3), (3, 2)]),
              unordered=sorted(pool.imap_unordered(square, range(10))))
