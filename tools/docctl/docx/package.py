"""Reading and writing DOCX zip packages reproducibly (fixed timestamps, fixed order, fixed attributes)."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


ZipDate = tuple[int, int, int, int, int, int]


def write_zip(entries: dict[str, bytes], date_time: ZipDate = FIXED_DATE) -> bytes:
    """Same entries, same bytes: [Content_Types].xml first, then the given order, fixed metadata."""
    buffer = io.BytesIO()
    names = sorted(entries, key=lambda n: n != "[Content_Types].xml")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, entries[name], compresslevel=1)   # fast; the parts are small and Word does not care
    return buffer.getvalue()


def epoch_date(default: str | None) -> ZipDate:
    """Zip timestamp: SOURCE_DATE_EPOCH if set, else the document's own date, else 1980-01-01."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "")
    if env.isdigit():
        t = time.gmtime(max(int(env), 315532800))
        return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
    if default and len(default) == 10 and default[:4].isdigit() and int(default[:4]) >= 1980:
        return (int(default[:4]), int(default[5:7]), int(default[8:10]), 0, 0, 0)
    return FIXED_DATE


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
