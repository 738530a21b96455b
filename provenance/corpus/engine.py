"""Where corpus work runs: all local cores, or a Dask distributed cluster.

Both engines offer the same three operations, and the corpus code uses nothing else:

* ``map(fn, items, *shared, on_result=None)``: ``fn(item, *shared)`` for every item, results in
  the order of ``items`` (``on_result`` sees each as it finishes, for progress bars);
* ``broadcast(obj)``: a value every task needs (sent once to each Dask worker);
* ``map_reduce(map_fn, items, reduce_fn, parts, *shared)``: ``map_fn(item, parts, *shared)``
  returns ``(outputs, side)`` with ``parts`` outputs; reducer ``j`` gets output ``j`` of every
  map task, and the ``side`` values come back to the caller. On Dask the outputs move from
  worker to worker (a shuffle) without passing through the client.

Functions given to an engine are module-level (they are pickled) and must be deterministic,
so both engines give the same results.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from provenance.errors import InputError, UsageError

ENGINES = ("local", "dask")


#: PR_SET_PDEATHSIG of prctl(2): the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int, main_thread: bool) -> None:
    """Worker initializer: a worker never outlives the process that started it (a parent killed
    with SIGKILL or SIGTERM cannot shut its pool down). On Linux the kernel sends SIGKILL when
    the parent dies (only when the pool was started from the parent's main thread: the signal
    follows the thread); everywhere a watchdog thread checks the parent every second."""
    if main_thread and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _pick(result, j):
    return result[0][j]


def _side(result):
    return result[1]


class LocalEngine:
    """A process pool over the local cores (``workers=1`` runs in this process)."""

    name = "local"

    def __init__(self, workers: int | None = None):
        if workers is not None and workers < 1:
            raise UsageError(f"--workers must be at least 1 (got {workers})")
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, initializer=_die_with_parent,
                initargs=(os.getpid(), threading.current_thread() is threading.main_thread()))
        return self._pool

    def describe(self) -> dict:
        return {"name": self.name, "workers": self.workers}

    def broadcast(self, obj):
        return obj

    def map(self, fn, items, *shared, on_result=None) -> list:
        items = list(items)
        if self.workers == 1 or len(items) <= 1:
            out = []
            for it in items:
                r = fn(it, *shared)
                if on_result:
                    on_result(r)
                out.append(r)
            return out
        pool = self._executor()
        futures = {pool.submit(fn, it, *shared): i for i, it in enumerate(items)}
        results: list = [None] * len(items)
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in sorted(finished, key=futures.get):
                    r = f.result()
                    results[futures[f]] = r
                    if on_result:
                        on_result(r)
        except BaseException:
            for f in pending:
                f.cancel()
            raise
        return results

    def map_reduce(self, map_fn, items, reduce_fn, parts: int, *shared, on_map=None, on_reduce=None) -> list:
        mapped = self.map(map_fn, items, parts, *shared, on_result=on_map)
        groups = [[m[0][j] for m in mapped] for j in range(parts)]
        sides = [m[1] for m in mapped]
        del mapped
        return self.map(_apply_reduce, [(reduce_fn, g) for g in groups], on_result=on_reduce), sides

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _apply_reduce(job):
    fn, group = job
    return fn(*group)


def _probe_scheduler(address: str, timeout: float) -> None:
    """Ask the scheduler at ``address`` who it is, giving up after ``timeout`` seconds: a closed
    port, a silent host or a server that is no Dask scheduler is one InputError, before a
    Client (whose own failures can hang on closing) is made."""
    from distributed.core import rpc

    async def ask():
        r = rpc(address, timeout=timeout)
        try:
            return await asyncio.wait_for(r.identity(), timeout)
        finally:
            await r.close_rpc()

    try:
        ident = asyncio.run(ask())
    except (asyncio.TimeoutError, TimeoutError):
        raise InputError(f"cannot reach the Dask scheduler at {address} (no answer within {timeout:g} s)") from None
    except OSError as exc:  # refused, unreachable, no answer to the connection
        raise InputError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    except Exception:  # a server that speaks another protocol (its bytes misread as Dask frames)
        raise InputError(f"cannot reach the Dask scheduler at {address}: the server there did not answer "
                         "as a Dask scheduler") from None
    if not isinstance(ident, dict) or ident.get("type") != "Scheduler":
        raise InputError(f"{address} answered, but not as a Dask scheduler")


class DaskEngine:
    """A Dask distributed cluster reached at ``scheduler`` ("tcp://host:8786")."""

    name = "dask"

    def __init__(self, scheduler: str, timeout: float = 30):
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--engine dask needs the 'distributed' package (pip install distributed)") from None
        _probe_scheduler(scheduler, timeout)
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        self.scheduler = scheduler
        info = self.client.scheduler_info()
        workers = info.get("workers", {})
        self.workers = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def describe(self) -> dict:
        return {"name": self.name, "workers": self.workers}

    def broadcast(self, obj):
        return self.client.scatter(obj, broadcast=True, hash=False)

    def _collect(self, futures, on_result=None) -> list:
        from distributed import as_completed

        if on_result:
            index = {f.key: i for i, f in enumerate(futures)}
            results: list = [None] * len(futures)
            with self.client.as_current():
                for f in as_completed(futures):
                    r = f.result()
                    results[index[f.key]] = r
                    on_result(r)
            return results
        return self.client.gather(futures)

    def map(self, fn, items, *shared, on_result=None) -> list:
        futures = [self.client.submit(fn, it, *shared, pure=False) for it in items]
        return self._collect(futures, on_result)

    def map_reduce(self, map_fn, items, reduce_fn, parts: int, *shared, on_map=None, on_reduce=None) -> list:
        mapped = [self.client.submit(map_fn, it, parts, *shared, pure=False) for it in items]
        if on_map:
            from distributed import as_completed

            with self.client.as_current():
                for _f in as_completed(mapped):
                    on_map(None)
        reduced = []
        for j in range(parts):
            picks = [self.client.submit(_pick, m, j, pure=False) for m in mapped]
            reduced.append(self.client.submit(reduce_fn, *picks, pure=False))
        sides = self.client.gather([self.client.submit(_side, m, pure=False) for m in mapped])
        out = self._collect(reduced, on_reduce)
        del mapped
        return out, sides

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


#: Seconds to wait for a Dask scheduler before giving up (--connect-timeout).
CONNECT_TIMEOUT = 5.0


def make_engine(name: str = "local", scheduler: str | None = None, workers: int | None = None,
                connect_timeout: float = CONNECT_TIMEOUT):
    """The engine called ``name`` ("local" or "dask"); a Dask scheduler that does not answer
    within ``connect_timeout`` seconds is an input error."""
    if name == "local":
        if scheduler:
            raise UsageError("--scheduler is only used with --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        if not connect_timeout > 0:
            raise UsageError(f"--connect-timeout must be more than 0 seconds (got {connect_timeout})")
        return DaskEngine(scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS", ""), timeout=connect_timeout)
    raise UsageError(f"unknown engine {name!r} (one of: {', '.join(ENGINES)})")
