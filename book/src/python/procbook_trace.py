"""Records what a process did, in the trace format of Procbook's mp (procbook.mp.TraceLine), so that the
book checks a Python listing's run with the same assertions as the Java reference's.

One line per event, appended with one write(2) to the file named by PROCBOOK_TRACE, which every
child process inherits; without it, event() does nothing:

    micros TAB pid TAB ppid TAB name TAB kind [TAB key=value]...

Values are written as Java writes them (True as true, None as null), names and values escaped as mp
escapes them. Python 3.8 or newer.
"""
import multiprocessing
import os
import time

__all__ = ["event"]


def _text(value):
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def event(kind, **fields):
    """Records one event of this process: event("bought", buyer=3, left=2), as mp's Trace.event does."""
    path = os.environ.get("PROCBOOK_TRACE")
    if not path:
        return
    columns = [str(time.time_ns() // 1000), str(os.getpid()), str(os.getppid()),
               _text(multiprocessing.current_process().name), kind]
    columns += [f"{key}={_text(value)}" for key, value in fields.items()]
    line = ("\t".join(columns) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)  # one write of a file opened O_APPEND: lands whole, in order
    finally:
        os.close(fd)
