"""gunicorn's settings for ``make run``, ``make bench`` and ``make load`` (gunicorn reads
``gunicorn.conf.py`` from the working directory; options on its command line win).

Memory per worker is what limits how many workers a small machine runs, so:

- ``preload_app``: the master imports the app (Dash, Plotly, pandas, DuckDB: about 250 MB,
  most of it code and module objects that never change) once, and the workers it forks
  share those pages instead of each importing its own copy. No store, database or
  DuckDB connection is opened on import (see app.py), so nothing a worker writes to is
  shared; each worker opens the store on its first request.
- ``gc.freeze()`` before forking moves the imported objects out of the collector's reach,
  so a collection in a worker does not touch (and so copy) the shared pages.
- Arrow's system allocator: glibc's malloc gives freed pages back, where Arrow's default
  (mimalloc) keeps them per thread; 40 MB less per worker at national scale (README).
- glibc's malloc puts every block from 128 kB up in its own mapping, given back when freed;
  by default it raises that bound as large blocks come and go (up to 32 MB) and then
  keeps freed arrays in the heap: 10 MB less per worker at national scale (README).
"""

import ctypes
import gc
import os

os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def _return_large_blocks() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: its own allocator decides
        return
    libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)


_return_large_blocks()  # in the master, before the app is imported; workers inherit it

preload_app = True


def pre_fork(server, worker):
    gc.freeze()
