"""``python -m dashboard users add|list|remove|passwd``: manage editor accounts.

Passwords are asked twice without echo, or read from standard input with
``--password-stdin`` (for scripts; one line). ``--sso`` makes an account without a
password, which signs in only through a trusted reverse proxy.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard.auth.accounts import (
    MIN_PASSWORD,
    AccountError,
    add_account,
    list_accounts,
    remove_account,
    set_password,
)


def _password(args: argparse.Namespace) -> str | None:
    if args.sso:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"password for {args.name} (at least {MIN_PASSWORD} characters): ")
    if getpass.getpass("again: ") != first:
        raise AccountError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    """Run one ``users`` action; errors are :class:`AccountError` (exit code 2)."""
    if args.action == "list":
        for account in list_accounts():
            kind = "password" if account.password_hash else "sso only"
            print(f"{account.name}\t{kind}\t{account.created_at or ''}")
        return 0
    if args.action == "add":
        add_account(args.name, _password(args))
        print(f"added editor {args.name}")
    elif args.action == "passwd":
        set_password(args.name, _password(args))
        print(f"changed the password of {args.name}; their sessions have ended")
    elif args.action == "remove":
        remove_account(args.name)
        print(f"removed editor {args.name}; their changes stay in the audit trail")
    return 0


def add_parser(sub) -> None:
    """Add the ``users`` command to the main parser's subparsers ``sub``."""
    u = sub.add_parser("users", help="manage editor accounts (add, list, remove, passwd)")
    actions = u.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list the editors")
    for name, text in (("add", "create an editor"), ("passwd", "change a password"),
                       ("remove", "delete an editor")):
        a = actions.add_parser(name, help=text)
        a.add_argument("name")
        if name != "remove":
            a.add_argument("--sso", action="store_true",
                           help="no password: signs in only through the trusted proxy header")
            a.add_argument("--password-stdin", action="store_true",
                           help="read the password from standard input")
    u.set_defaults(func=cmd_users)
