"""Worker processes that end with the process that started them, however it ends (`kill -9` too).

A worker of `batch` runs `die_with_parent` first. Without it, a parent killed with SIGKILL
leaves its workers running with no one to read their results (each at full CPU until its
batch is done, then idle for good).
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from typing import Any

PR_SET_PDEATHSIG = 1  # prctl(2) option (linux/prctl.h): the signal this process gets when its parent ends
ORPHAN_EXIT = 1  # a worker's exit status when it ends because its parent did


def die_with_parent(kernel: bool = True) -> None:
    """End this worker process when the process that started it ends, however that ends (kill -9 too).

    Two guards: on Linux the kernel sends SIGKILL when the parent goes (`prctl(PR_SET_PDEATHSIG)`;
    with `kernel`, i.e. when the pool was started from the parent's main thread, since the signal
    follows the thread that started the worker); everywhere (macOS, Windows, Linux too) a daemon
    thread waits on multiprocessing's parent sentinel (a pipe the parent holds, or its process
    handle) and exits the process once it closes. A process not started by multiprocessing watches
    its parent pid instead.
    """
    if kernel and sys.platform.startswith("linux"):
        _parent_death_signal()
    parent = mp.parent_process()
    if parent is not None and not parent.is_alive():  # the parent died before the guards were up
        os._exit(ORPHAN_EXIT)
    threading.Thread(target=_watch_parent, args=(parent, os.getppid()), name="claimx-watch-parent", daemon=True).start()


def _parent_death_signal() -> None:
    """SIGKILL from the kernel when the parent ends (Linux); silently nothing where libc or prctl is missing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


PARENT_POLL_SECONDS = 1.0  # how often a process with no parent sentinel checks its parent pid


def _watch_parent(parent: Any, ppid: int) -> None:
    """Block until the parent is gone, then end this process at once (no cleanup: its work is lost anyway)."""
    if parent is not None:
        parent.join()  # returns when the parent's end of the sentinel closes: it exited or was killed
    else:
        while os.getppid() == ppid:  # POSIX: an orphan is adopted by another process
            time.sleep(PARENT_POLL_SECONDS)
    os._exit(ORPHAN_EXIT)
