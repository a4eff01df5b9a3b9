"""The check every write callback passes: a signed-in editor and a valid CSRF header.

:func:`editor_only` wraps a Dash callback; it is a separate step from input validation, so
the two compose (``@app.callback(...)`` above, then ``@editor_only(...)``, then any
validating decorator). Buttons hidden from signed-out visitors are a courtesy; this is the
check: a forged request to ``/_dash-update-component`` is refused here, before anything is
read or written.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from flask import has_request_context, request

from dashboard.auth.web import CSRF_HEADER, csrf_ok, current_editor
from dashboard.i18n import normalise_lang, t

LOG = logging.getLogger(__name__)


class WriteRefused(PermissionError):
    """A write without an editor (``reason="signin"``) or without a valid CSRF header
    (``reason="csrf"``)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def authorise_write() -> str:
    """The editor allowed to write in this request.

    Returns
    -------
    str
        The editor's account name (what the audit trail records).

    Raises
    ------
    WriteRefused
        When nobody is signed in, or the request lacks this session's CSRF token.
    """
    editor = current_editor()
    if editor is None:
        raise WriteRefused("signin")
    if not (has_request_context() and csrf_ok(request.headers.get(CSRF_HEADER))):
        raise WriteRefused("csrf")
    return editor


def refusal(reason: str, lang: object) -> str:
    """What a person is told when their write was refused, in ``lang``."""
    return t(f"auth.refused.{reason}", normalise_lang(lang if isinstance(lang, str) else None))


def editor_only(refused: Callable[..., object]) -> Callable:
    """Decorate a write callback so it runs only for an editor, with a valid CSRF header.

    Parameters
    ----------
    refused : callable
        ``refused(reason, *args)`` returns the callback's outputs when the write is
        refused (``reason`` is ``"signin"`` or ``"csrf"``; ``args`` are the callback's).

    Returns
    -------
    callable
        The decorator; the wrapped callback receives ``editor=<name>`` as a keyword.
    """
    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def guarded(*args):
            try:
                editor = authorise_write()
            except WriteRefused as exc:
                LOG.warning("write refused (%s) in %s from %s", exc.reason, func.__name__,
                            request.remote_addr if has_request_context() else "-")
                return refused(exc.reason, *args)
            return func(*args, editor=editor)
        return guarded
    return decorate
