"""Link-preview images (Open Graph, Twitter cards): PNG files drawn at build time, no outside service.

Zalo and Facebook show PNG or JPEG, not SVG, so the text is drawn with Pillow in
DejaVu Sans, which covers Vietnamese. The font comes from Debian's
``fonts-dejavu-core`` package, which ``make build`` installs: shipping a font
file in the repository would work too, but the system package is maintained and
signed. Pillow writes no timestamp into a PNG, so the same text gives the same
bytes on every build.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .build_cache import BuildCache, code_version, library_version

if TYPE_CHECKING:
    from PIL import ImageFont

WIDTH, HEIGHT = 1200, 630  # the size Facebook and Zalo show large (1.91:1)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOLD, REGULAR = FONT_DIR / "DejaVuSans-Bold.ttf", FONT_DIR / "DejaVuSans.ttf"
FONT_PACKAGE = "fonts-dejavu-core"
BAND = (40, 53, 147)  # Material's indigo 800, the site's header colour
INK, PAPER, PALE = (33, 33, 33), (255, 255, 255), (232, 234, 246)
MARGIN = 64


class FontMissing(RuntimeError):
    """The font the images are drawn with is not installed."""


@dataclass(frozen=True)
class Preview:
    """A preview image: its published path, what it shows, and the alternative text for readers."""

    src_uri: str
    heading: str
    text: str
    footer: str

    @property
    def alt(self) -> str:
        return f"{self.heading}: {self.text}" if self.text else self.heading


def _check_font(path: Path) -> None:
    if not path.is_file():
        raise FontMissing(
            f"{path} is missing: the link-preview images need the Debian package {FONT_PACKAGE} "
            f"(`make build` installs it; or: apt-get install -y {FONT_PACKAGE})"
        )


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont  # here, not at the top: a build whose images are all cached never loads Pillow

    _check_font(path)
    return ImageFont.truetype(str(path), size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Words of ``text`` in lines no wider than ``width``; an ellipsis ends a text cut at ``max_lines``."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        last = lines[-1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def fitting_font(text: str, path: Path, size: int, width: int) -> ImageFont.FreeTypeFont:
    """The font at ``size``, or smaller until ``text`` fits in ``width`` on one line."""
    font = _font(path, size)
    while size > 12 and font.getlength(text) > width:
        size -= 1
        font = _font(path, size)
    return font


def render_png(preview: Preview) -> bytes:
    """The image: a coloured band with the heading, the text in large type, the site's name at the foot."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 150), fill=BAND)
    width = WIDTH - 2 * MARGIN
    draw.text(
        (MARGIN, 75), preview.heading, font=fitting_font(preview.heading, BOLD, 64, width), fill=PAPER, anchor="lm"
    )
    body = _font(REGULAR, 44)
    for number, line in enumerate(wrap(preview.text, body, width, 6)):
        draw.text((MARGIN, 200 + number * 60), line, font=body, fill=INK)
    draw.rectangle((0, HEIGHT - 70, WIDTH, HEIGHT), fill=PALE)
    footer = fitting_font(preview.footer, BOLD, 28, width)
    draw.text((MARGIN, HEIGHT - 35), preview.footer, font=footer, fill=BAND, anchor="lm")
    out = io.BytesIO()
    # 64 colours are plenty for flat text; the file stays small (about 15 KB). The fast octree
    # method is 10 times quicker than median cut here, and its files are smaller.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()


def _cache_key(preview: Preview) -> str:
    _check_font(BOLD)
    _check_font(REGULAR)
    drawing = code_version(__file__, BOLD, REGULAR)
    return f"{drawing} pillow {library_version('pillow')}\n{preview.heading}\n{preview.text}\n{preview.footer}"


def cached_png(cache: BuildCache, preview: Preview) -> bytes:
    """:func:`render_png` of ``preview``, from the build cache when the same code, Pillow and fonts drew it before."""
    return cache.get("previews", _cache_key(preview), lambda: render_png(preview))


def preview_file(cache: BuildCache, preview: Preview) -> Path:
    """The build-cache file holding :func:`render_png` of ``preview`` (drawn now if it is not there)."""
    return cache.file("previews", _cache_key(preview), lambda: render_png(preview))
