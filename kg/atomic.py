"""Outputs that appear whole or not at all.

Every file kg writes (dumps, ``void.ttl``, exports) is written under a temporary name in
its own folder and renamed over the target (``os.replace``, atomic on POSIX) only when it
is complete; a store folder is built in a temporary sibling folder and swapped in whole.
If anything fails or is interrupted (an exception, Ctrl-C, SIGTERM), the temporary files
are removed and the earlier outputs stay untouched. After a SIGKILL the temporary files
stay behind (``.NAME.kg-tmp-PID-…``); the next write of the same target removes those
of processes that no longer run.

:class:`Staging` commits several outputs together (a dump and its description), so an
interrupted build never leaves a new dump beside an old ``void.ttl``::

    with Staging() as stage:
        with stage.open(out / "graph.nt") as f:
            f.write(...)
        stage.write_text(out / "void.ttl", text)
        store = stage.directory(out / "store")   # fill it; swapped in on commit
    # here all three are in place; on an exception none is
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["Staging", "atomic_open", "write_text", "write_bytes", "TMP_MARK"]

TMP_MARK = ".kg-tmp-"


def _tmp_prefix(target: Path) -> str:
    return f".{target.name}{TMP_MARK}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, owned by someone else
        return True
    return True


def sweep(target: Path) -> None:
    """Remove temporaries of ``target`` left by processes that were killed."""
    stem = f".{target.name}{TMP_MARK}"
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(stem):
            continue
        pid = entry.name[len(stem):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Staging:
    """Outputs staged under temporary names, committed together (see the module doc)."""

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path, IO[Any] | None]] = []  # (tmp, target, handle)
        self._dirs: list[tuple[Path, Path]] = []
        self._done = False

    # -- staging
    def open(self, target: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> IO[Any]:
        """A file object writing to a temporary name beside ``target``."""
        if "w" not in mode or "+" in mode:
            raise ValueError("Staging.open is for writing a new file ('w' or 'wb')")
        target = Path(target)
        if _special(target):  # /dev/stdout, a FIFO: written to directly, never replaced
            handle = open(target, mode, **kwargs)  # noqa: SIM115 - closed by commit/discard
            self._files.append((target, target, handle))
            return handle
        sweep(target)
        try:
            fd, name = tempfile.mkstemp(prefix=_tmp_prefix(target), suffix=target.suffix, dir=target.parent)
        except OSError as exc:  # name the folder the user gave, not the temporary
            raise type(exc)(exc.errno, exc.strerror, str(target.parent)) from exc
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # as open() would make it (mkstemp: 0600)
            handle = os.fdopen(fd, mode, **kwargs)
        except BaseException:
            os.close(fd)
            os.unlink(name)
            raise
        self._files.append((Path(name), target, handle))
        return handle

    def write_text(self, target: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
        with self.open(target, "w", encoding=encoding, newline="") as f:
            f.write(text)

    def write_bytes(self, target: str | os.PathLike[str], data: bytes) -> None:
        with self.open(target, "wb") as f:
            f.write(data)

    def staged(self, target: str | os.PathLike[str]) -> Path:
        """The temporary path a staged ``target`` is written to until the commit."""
        for tmp, t, _ in self._files:
            if t == Path(target):
                return tmp
        for tmp, t in self._dirs:
            if t == Path(target):
                return tmp
        raise KeyError(str(target))

    def directory(self, target: str | os.PathLike[str]) -> Path:
        """An empty temporary folder beside ``target``; on commit it replaces ``target``."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=_tmp_prefix(target), dir=target.parent))
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(target.parent)) from exc
        os.chmod(tmp, 0o777 & ~_umask())
        self._dirs.append((tmp, target))
        return tmp

    # -- ending
    def commit(self) -> None:
        """Put every staged output in place (folders first, then files in staging order)."""
        if self._done:
            return
        for tmp, target, handle in self._files:
            if tmp == target:  # a device or FIFO: nothing to sync or rename
                if handle is not None and not handle.closed:
                    handle.close()
            elif handle is not None and not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            elif handle is not None:
                with open(tmp, "rb") as f:
                    os.fsync(f.fileno())
        for tmp, target in self._dirs:
            _swap_dir(tmp, target)
        for tmp, target, _ in self._files:
            if tmp != target:
                os.replace(tmp, target)
        for folder in {t.parent for _, t, _ in self._files} | {t.parent for _, t in self._dirs}:
            _fsync_dir(folder)
        self._done = True

    def discard(self) -> None:
        """Remove every temporary; the targets stay as they were."""
        if self._done:
            return
        self._done = True
        for tmp, target, handle in self._files:
            if handle is not None and not handle.closed:
                with contextlib.suppress(OSError):
                    handle.close()
            if tmp != target:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        for tmp, _target in self._dirs:
            shutil.rmtree(tmp, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()


def _special(target: Path) -> bool:
    """True for an existing target that is not a regular file (a device, FIFO, socket)."""
    import stat

    try:
        return not stat.S_ISREG(target.stat().st_mode) and not stat.S_ISDIR(target.stat().st_mode)
    except OSError:
        return False


def _swap_dir(tmp: Path, target: Path) -> None:
    """Replace folder ``target`` by ``tmp``: the old one is renamed aside, the new one in,
    the old one removed. (POSIX cannot rename over a non-empty folder in one step.)"""
    if not target.exists() and not target.is_symlink():
        os.rename(tmp, target)
        return
    if not target.is_dir() or target.is_symlink():
        raise FileExistsError(17, "exists and is not a folder", str(target))
    old = Path(tempfile.mkdtemp(prefix=_tmp_prefix(target), dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(tmp, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def atomic_open(target: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """``open(target, mode)`` that replaces ``target`` only when the block ends normally."""
    with Staging() as stage:
        yield stage.open(target, mode, **kwargs)


def write_text(target: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``target`` atomically."""
    with Staging() as stage:
        stage.write_text(target, text, encoding)


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with Staging() as stage:
        stage.write_bytes(target, data)
