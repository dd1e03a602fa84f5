# Lesson 04: a duplex pipe, the default, carries messages both ways.
import multiprocessing as mp
from procbook_trace import event

# tag::listing[]
def introduce(conn, name, number):
    conn.send((name, number))
    event("introduced", name=name, number=number)
    reply = conn.recv()                          # waits for the parent's reply
    print("child got", reply)
    event("got-reply", reply=",".join(sorted(reply)))

if __name__ == "__main__":
    here, there = mp.Pipe()
    child = mp.Process(target=introduce, args=(there, "Ada", 36))
    child.start()
    name, number = here.recv()
    event("received", name=name, number=number)
    here.send({letter * 2 for letter in name})
    child.join()
# end::listing[]
