"""kg's command line: a thin shell over the library (each command calls one function).

:func:`main` is the one place where what goes wrong becomes a message: kg's own errors
(:mod:`kg.errors`), every expected ``OSError`` (read-only folder, an output path under a
file, a full disk, no permission) and the errors of the libraries kg drives become ONE
line on stderr and exit code 2 (1: a check failed; 130: interrupted). Every message goes
through :func:`kg.errors.redact`, so no password reaches the terminal. A bug (an exception
nobody expected) is one line too, exit 70; ``KG_DEBUG=1`` shows its traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import signal
import sqlite3
import sys

from kg.cli.app import app
from kg.errors import KgError, ValidationFailed, redact, register_env_secrets

# Each module registers its commands on `app`, in the order of a user's work.
from kg.cli import (  # noqa: F401,E402  (import order = order in `kg --help`)
    parse,
    eval,
    rdf,
    indicators,
    entities,
    glossary,
    stats,
    neo4j,
    server,
    serve,
)

__all__ = ["app", "main", "describe_os_error"]

_OS_HINTS = {
    errno.EACCES: "permission denied; check the permissions of the file or folder",
    errno.EPERM: "operation not permitted; check the permissions of the file or folder",
    errno.EROFS: "the file system is read-only; choose another output folder",
    errno.ENOSPC: "no space left on the device; free some space and run again",
    errno.EDQUOT: "disk quota exceeded; free some space and run again",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOENT: "no such file or folder",
    errno.EEXIST: "already exists",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EMFILE: "too many open files",
    errno.EFBIG: "the file is too large for the file system",
    errno.EIO: "input/output error (a failing disk or network file system?)",
}


# what SQLite says when it cannot write its file (full disk, RLIMIT_FSIZE, a failing disk)
_STORAGE_FAILURE = re.compile(r"disk I/O error|database or disk is full|unable to open database file")


def describe_os_error(exc: OSError) -> str:
    """One line for an OSError: the path(s) it concerns and what to do."""
    what = _OS_HINTS.get(exc.errno or -1) or (exc.strerror or str(exc) or type(exc).__name__)
    where = " → ".join(str(f) for f in (exc.filename, exc.filename2) if f)
    return f"{where}: {what}" if where else what


class _RedactingFilter(logging.Filter):
    """Masks passwords in every log record (kg's and the libraries')."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken log call must not hide the real error
            return True
        record.msg, record.args = redact(message), None
        return True


def _setup_logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="kg: %(levelname)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(_RedactingFilter())


def _error(message: str, code: int) -> int:
    line = " ".join(redact(message).split())
    print(f"kg: error: {line}" if code != 1 else f"kg: {line}", file=sys.stderr)
    return code


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _click_exceptions() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(Exit, ClickException, Abort) classes of the click Typer runs on (Typer ≥ 0.16
    ships its own copy as ``typer._click``; older ones use ``click``)."""
    import importlib

    import typer

    exits: list[type] = [typer.Exit]
    errors: list[type] = []
    aborts: list[type] = [typer.Abort]
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        exits += [c for c in (getattr(mod, "Exit", None),) if c]
        errors += [c for c in (getattr(mod, "ClickException", None),) if c]
        aborts += [c for c in (getattr(mod, "Abort", None),) if c]
    return tuple(exits), tuple(errors), tuple(aborts)


def run(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    click_exit, click_error, click_abort = _click_exceptions()
    register_env_secrets()
    try:
        signal.signal(signal.SIGTERM, _terminate)  # outputs are cleaned up as for Ctrl-C
    except ValueError:  # not the main thread (tests calling run())
        pass
    try:
        code = app(args=argv, standalone_mode=False, prog_name="kg")
        if code == 130:  # Typer turns Ctrl-C into Exit(130) and returns it
            print("kg: interrupted", file=sys.stderr)
        return code if isinstance(code, int) else 0
    except click_exit as exc:
        if exc.exit_code == 130:  # Typer turns Ctrl-C into Exit(130)
            print("kg: interrupted", file=sys.stderr)
        return exc.exit_code
    except click_error as exc:  # usage errors: one line too, with where to find help
        if type(exc).__name__ == "NoArgsIsHelpError":  # `kg` alone: the help, as asked
            exc.show()
            return exc.exit_code
        ctx = getattr(exc, "ctx", None)
        hint = f" (see: {ctx.command_path} --help)" if ctx is not None and exc.exit_code == 2 else ""
        line = " ".join(redact(exc.format_message()).split())
        print(f"kg: error: {line}{hint}", file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, *click_abort):
        print("kg: interrupted", file=sys.stderr)
        return 130
    except ValidationFailed as exc:
        return _error(str(exc), 1)
    except KgError as exc:
        return _error(str(exc), 2)
    except BrokenPipeError:  # `kg … | head`: the reader left; nothing to say
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        except OSError:
            pass
        return 0
    except OSError as exc:
        return _error(describe_os_error(exc), 2)
    except sqlite3.OperationalError as exc:  # a build's scratch database (kg.scratch)
        if not _STORAGE_FAILURE.search(str(exc)):
            return _internal_error(exc)
        return _error(f"a temporary database of the run could not be written ({exc}): the disk is full or "
                      "a file size limit was reached; free some space (or set TMPDIR to a larger disk) "
                      "and run again", 2)
    except MemoryError:
        return _error("out of memory; give fewer or smaller reports at once", 2)
    except RecursionError:
        return _error("the input nests too deeply to be read", 2)
    except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback on request
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """A bug: one line (exit 70), the traceback with KG_DEBUG=1."""
    if os.environ.get("KG_DEBUG"):
        import traceback

        traceback.print_exc()
    return _error(f"internal error (please report it; KG_DEBUG=1 shows where): {type(exc).__name__}: {exc}", 70)


def main() -> None:
    _setup_logging()
    sys.exit(run())
