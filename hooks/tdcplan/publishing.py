"""The site's public address: is it one readers can reach, and may this build be published?

``site_url`` comes from the environment (``SITE_URL``, read by mkdocs.yml's
``!ENV``); its default, the loopback address, is right for a local preview and
wrong on the public site, where every canonical link, feed, calendar and QR code
would point to the reader's own machine. A build meant for publishing
(``PUBLISH=1``) therefore refuses a missing, loopback or private address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

SITE_URL_VARIABLE = "SITE_URL"
PUBLISH_VARIABLE = "PUBLISH"
LOCAL_PREVIEW_URL = "http://127.0.0.1:8000/"


def local_reason(site_url: str) -> str | None:
    """Why ``site_url`` only works on the builder's machine or network, or ``None`` if it is public."""
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    if not host:
        return "it names no host"
    if host == "localhost" or host.endswith(".localhost"):
        return f"«{host}» is this machine"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None  # a domain name
    if address.is_loopback or address.is_unspecified:
        return f"{host} is a loopback address"
    if address.is_private or address.is_link_local or address.is_reserved:
        return f"{host} is a private address"
    return None


def wants_publishing(environ: Mapping[str, str]) -> bool:
    """Whether the build is meant for the public site (``PUBLISH=1``, as the Pages workflow sets)."""
    return environ.get(PUBLISH_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def publishing_problem(site_url: str, environ: Mapping[str, str]) -> str | None:
    """The one sentence that stops a publishing build with an unusable address, or ``None``."""
    if not wants_publishing(environ):
        return None
    if not environ.get(SITE_URL_VARIABLE, "").strip():
        return (
            f"{PUBLISH_VARIABLE}=1 but {SITE_URL_VARIABLE} is not set: set it to the site's public address "
            "(e.g. SITE_URL=https://tdc.example.gov.vn/ke-hoach/); nothing was built."
        )
    if urlsplit(site_url).scheme not in ("http", "https"):
        return (
            f"{PUBLISH_VARIABLE}=1 but {SITE_URL_VARIABLE}={site_url!r} is not an http(s) address; nothing was built."
        )
    reason = local_reason(site_url)
    if reason:
        return (
            f"{PUBLISH_VARIABLE}=1 but {SITE_URL_VARIABLE}={site_url!r} is not a public address ({reason}): "
            "readers' links would point to their own machine; nothing was built."
        )
    return None


def local_build_notice(site_url: str) -> str | None:
    """The build-log line of a local preview build, or ``None`` for a public address."""
    reason = local_reason(site_url)
    if reason is None:
        return None
    return (
        f"site_url is {site_url} ({reason}): links, feeds, calendars and QR codes of this build point to it; "
        f"set {SITE_URL_VARIABLE} (and {PUBLISH_VARIABLE}=1) to build the public site."
    )
