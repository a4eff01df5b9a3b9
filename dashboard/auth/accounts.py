"""Editor accounts in the database's ``users`` table, with argon2 password hashes.

Managed from the command line (``python -m dashboard users add|list|remove|passwd``); the
app only reads them. An account without a password can sign in only through a trusted
reverse proxy (see :mod:`dashboard.auth.web`).
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from dashboard.db import Database, get_database, users

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,79}$")
MIN_PASSWORD = 12
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong
    password and the answer time does not tell which names exist. Made on the first
    sign-in, not on import: hashing takes argon2's 64 MiB and a second in every worker."""
    return _HASHER.hash("not a real password, only to spend the same time")


class AccountError(ValueError):
    """A name or password that cannot be used, or an account that does not exist."""


@dataclass(frozen=True)
class Account:
    name: str
    password_hash: str | None
    created_at: datetime | None = None

    @property
    def fingerprint(self) -> str:
        """A short digest of the password hash, kept in the session: changing the password
        (or removing the account) ends every session signed in with the old one."""
        return hashlib.sha256((self.password_hash or "sso").encode()).hexdigest()[:16]


def check_name(name: str) -> str:
    """Return ``name`` if it is a usable account name (2–80 letters, digits, ``._@-``)."""
    if not NAME_RE.match(name or ""):
        raise AccountError(f"account name {name!r} is not 2–80 letters, digits or ._@-")
    return name


def _hash(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def get_account(name: object, db: Database | None = None) -> Account | None:
    """The account ``name``, or None (also for a name that could not be one)."""
    if not isinstance(name, str) or not NAME_RE.match(name):
        return None
    db = db or get_database()
    with db.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.name == name)).first()
    return Account(row.name, row.password_hash, row.created_at) if row else None


def list_accounts(db: Database | None = None) -> list[Account]:
    """Every account, by name."""
    db = db or get_database()
    with db.connect() as conn:
        rows = conn.execute(sa.select(users).order_by(users.c.name)).all()
    return [Account(r.name, r.password_hash, r.created_at) for r in rows]


def add_account(name: str, password: str | None, db: Database | None = None) -> Account:
    """Create an account; ``password`` None makes one that signs in only through SSO.

    Raises
    ------
    AccountError
        For a bad name, a password under :data:`MIN_PASSWORD` characters, or a name
        already taken.
    """
    db = db or get_database()
    hashed = None if password is None else _hash(password)
    with db.begin() as conn:
        if conn.execute(sa.select(users.c.id).where(users.c.name == check_name(name))).first():
            raise AccountError(f"account {name!r} exists already")
        conn.execute(users.insert().values(name=name, password_hash=hashed))
    return Account(name, hashed)


def set_password(name: str, password: str | None, db: Database | None = None) -> None:
    """Replace the password of ``name`` (None: SSO only); its sessions end."""
    db = db or get_database()
    hashed = None if password is None else _hash(password)
    with db.begin() as conn:
        done = conn.execute(users.update().where(users.c.name == name)
                            .values(password_hash=hashed)).rowcount
    if not done:
        raise AccountError(f"no account {name!r}")


def remove_account(name: str, db: Database | None = None) -> None:
    """Delete the account ``name``; its sessions end, its audit rows stay."""
    db = db or get_database()
    with db.begin() as conn:
        if not conn.execute(users.delete().where(users.c.name == name)).rowcount:
            raise AccountError(f"no account {name!r}")


def verify(name: object, password: object, db: Database | None = None) -> Account | None:
    """The account if ``password`` is its password, else None (same work either way)."""
    account = get_account(name, db)
    stored = account.password_hash if account and account.password_hash else _dummy_hash()
    try:
        _HASHER.verify(stored, str(password or ""))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return account if account and account.password_hash else None
