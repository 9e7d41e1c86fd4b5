"""Team project URLs: telling one from a file path, and never showing its password.

A URL is ``postgresql://`` (or ``postgres://``) — anything else is a project file path, even a path
that contains "://" further on. ``redact`` removes the password from the user part and from a
``password=`` query parameter; every message and log line that names a team project uses it
(``ProjectError`` applies it to whatever it is given).
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
_HIDDEN = "***"


def is_url(target: str | os.PathLike) -> bool:
    return isinstance(target, str) and target.strip().lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL with any password replaced by ***; text that does not parse is redacted by pattern."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            if ":" in userinfo:
                userinfo = userinfo.split(":", 1)[0] + ":" + _HIDDEN
            netloc = f"{userinfo}@{host}"
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            if any(k.lower() == "password" for k, _ in pairs):
                query = urlencode([(k, _HIDDEN if k.lower() == "password" else v) for k, v in pairs], safe="/*")
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return redact_text(url)


# user:password@ inside any text (a driver message quoting the URL), and password=… key/value pairs.
_USERINFO = re.compile(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", re.IGNORECASE)
_KEYVALUE = re.compile(r"(password\s*=\s*)('[^']*'|[^\s&]+)", re.IGNORECASE)


def redact_text(text: str) -> str:
    """Any URL password or ``password=`` value inside free text replaced by ***."""
    return _KEYVALUE.sub(r"\1" + _HIDDEN, _USERINFO.sub(r"\1" + _HIDDEN + "@", text))
