"""Files of built data kept in the user's cache folder, so that a process starts without
rebuilding them (the place index, the derived office-holder table).

    $COMMUNIQUE_CACHE            when set (``off`` turns the cache off)
    $XDG_CACHE_HOME/communique   else
    ~/.cache/communique          else

A file is a magic line, the SHA-256 of its body, and the body: a pickle of plain data only
(lists, tuples, dicts, strings, numbers, bytes); a file that names any class or function is
refused. Its name carries a hash of every input, so a changed input is never answered from an
old file. Reading returns None for a missing, damaged or foreign file (the caller builds);
writing is atomic, returns False where the folder cannot be written, and removes the files of
the same stem built from other inputs.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "COMMUNIQUE_CACHE"


def cache_dir() -> Path | None:
    """The folder of cached files, or None when the cache is turned off."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit is not None and explicit.strip():
        return None if explicit.strip().lower() == "off" else Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "communique"


def read_data(path: Path, magic: bytes) -> Any | None:
    """The plain data in ``path``; None when the file is missing, unreadable, of another kind,
    damaged, or names a class or function."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    if not blob.startswith(magic):
        return None
    digest, body = blob[len(magic) : len(magic) + 32], blob[len(magic) + 32 :]
    if hashlib.sha256(body).digest() != digest:
        return None
    enabled = gc.isenabled()
    gc.disable()  # many small containers: no use scanning them while they are made
    try:
        return _DataOnly(io.BytesIO(body)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None
    finally:
        if enabled:
            gc.enable()


def write_data(path: Path, magic: bytes, data: Any) -> bool:
    """Write ``data`` to ``path`` atomically; False when the folder cannot be written. Files
    beside it with the same stem (the name up to its last '-') are removed."""
    body = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    blob = magic + hashlib.sha256(body).digest() + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(blob)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    prefix = path.stem.rsplit("-", 1)[0] + "-"
    for other in path.parent.glob(prefix + "*" + path.suffix):
        if other != path:
            with contextlib.suppress(OSError):
                other.unlink()
    return True


class _DataOnly(pickle.Unpickler):
    """Unpickles plain data only: a cache file can never name a class or function to call."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in a cached file")
