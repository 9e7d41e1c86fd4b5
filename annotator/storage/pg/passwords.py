"""A team member's password: in the OS keyring when the optional ``keyring`` package is installed and
has a working backend, else in the member's pgpass file (libpq reads it itself). Never in a URL the app
keeps, never in the settings file, never in a message or a log line.

Which password a connection uses, first match wins: one written in the URL (the person typed it), the
keyring's entry for the URL's user, server, port and database, the pgpass file (libpq's own lookup,
when nothing was passed). ``annotator team login`` checks a password against the server first and only
then keeps it (``keep``): a wrong password changes nothing.
"""

from __future__ import annotations

import logging

SERVICE = "annotator-team"
log = logging.getLogger(__name__)


def _keyring():
    """The keyring module when it is installed and has a usable backend (not the "fail" one)."""
    try:
        import keyring  # noqa: PLC0415 - optional: pip install 'annotator[keyring]'
        from keyring.backends import fail, null  # noqa: PLC0415
    except Exception:  # noqa: BLE001 - not installed, or a broken install: pgpass it is
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    # "fail" (no backend on this machine) refuses everything; "null" would accept a password and lose it
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    return keyring


def keyring_name() -> str | None:
    """The backend's name for messages ("SecretService Keyring", …), or None without a keyring."""
    keyring = _keyring()
    return None if keyring is None else type(keyring.get_keyring()).__name__


def account(url: str) -> str | None:
    """The keyring entry's name for a URL: user@host:port/database (None without a user)."""
    from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415

    try:
        params = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a URL psycopg cannot read: it says so when connecting
        return None
    user = params.get("user")
    if not user:
        return None
    host = params.get("host") or params.get("hostaddr") or "localhost"
    return f"{user}@{host}:{params.get('port') or 5432}/{params.get('dbname') or user}"


def lookup(url: str) -> str | None:
    """The keyring's password for URL, unless the URL carries one itself; None when there is none."""
    from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415

    try:
        if conninfo_to_dict(url).get("password"):
            return None
    except Exception:  # noqa: BLE001
        return None
    keyring, name = _keyring(), account(url)
    if keyring is None or name is None:
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: pgpass may still answer
        log.info("keyring not read for %s (%s)", name, type(exc).__name__)
        return None


def keep(url: str, password: str, *, pgpass_path=None, use_keyring: bool = True) -> str:
    """Keep a checked password: in the keyring when there is one (and ``use_keyring``), else in the
    pgpass file. Returns where, for the message ("the system keyring (…)" or the file's path)."""
    keyring, name = _keyring() if use_keyring else None, account(url)
    if keyring is not None and name is not None:
        try:
            keyring.set_password(SERVICE, name, password)
            return f"the system keyring ({keyring_name()}, entry {SERVICE} / {name})"
        except Exception as exc:  # noqa: BLE001 - a keyring that refuses: the file still works
            log.info("keyring refused the password for %s (%s); using the pgpass file", name, type(exc).__name__)
    from urllib.parse import unquote, urlsplit  # noqa: PLC0415

    from annotator.storage.pg.security import write_pgpass  # noqa: PLC0415

    parts = urlsplit(url)
    return write_pgpass(parts.hostname or "localhost", parts.port or 5432, unquote(parts.path.lstrip("/")),
                        unquote(parts.username or ""), password, pgpass_path)


def connect_password(url: str) -> dict:
    """``{"password": …}`` for psycopg.connect when the keyring holds one for URL, else {}."""
    password = lookup(url)
    return {"password": password} if password else {}
