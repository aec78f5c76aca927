"""QR codes of public addresses, for paper: the printed table and printed task pages lead back to the live page.

``segno`` (pure Python) writes each code as a small SVG file (a single path,
about 2 KB) that pages reference with ``<img>``, so the printed table's HTML
stays small. The same address always gives the same bytes.
"""

from __future__ import annotations

import io

from .build_cache import BuildCache, code_version, library_version

QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


def qr_svg(address: str) -> bytes:
    """An SVG QR code (error correction M or better) of ``address``, black on white, sized by its viewBox."""
    import segno  # here, not at the top: a build whose codes are all cached never loads it

    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out, kind="svg", scale=1, border=QUIET_ZONE, dark="#000", light="#fff", xmldecl=False, omitsize=True, nl=False
    )
    return out.getvalue() + b"\n"


def cached_qr_svg(cache: BuildCache, address: str) -> bytes:
    """:func:`qr_svg` of ``address``, from the build cache when this code and segno drew it before."""
    key = f"{code_version(__file__)} segno {library_version('segno')}\n{address}"
    return cache.get("qr-codes", key, lambda: qr_svg(address))
