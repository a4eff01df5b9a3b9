"""Editor accounts: argon2 hashes, the command line, and sessions that end with a new
password (on SQLite and PostgreSQL)."""

from __future__ import annotations

import io

import pytest

from dashboard import db
from dashboard.auth.accounts import (
    AccountError,
    add_account,
    get_account,
    list_accounts,
    remove_account,
    set_password,
    verify,
)
from dashboard.cli import main

PASSWORD = "correct horse battery"  # test data


@pytest.fixture
def database(db_url):
    return db.Database(db_url)


def test_add_verify_change_and_remove(database):
    account = add_account("anna", PASSWORD, database)
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    assert verify("anna", PASSWORD, database).name == "anna"
    assert verify("anna", PASSWORD + "x", database) is None
    assert verify("nobody", PASSWORD, database) is None
    before = get_account("anna", database).fingerprint
    set_password("anna", "another long password", database)
    assert get_account("anna", database).fingerprint != before  # old sessions end
    assert verify("anna", PASSWORD, database) is None
    remove_account("anna", database)
    assert get_account("anna", database) is None and list_accounts(database) == []


def test_bad_names_short_passwords_and_doubles_are_refused(database):
    with pytest.raises(AccountError, match="at least 12"):
        add_account("anna", "kort", database)
    with pytest.raises(AccountError, match="not 2–80"):
        add_account("<script>", PASSWORD, database)
    add_account("anna", PASSWORD, database)
    with pytest.raises(AccountError, match="exists already"):
        add_account("anna", PASSWORD, database)
    with pytest.raises(AccountError, match="no account"):
        remove_account("bert", database)


def test_an_sso_account_cannot_sign_in_with_a_password(database):
    add_account("sso.gebruiker", None, database)
    assert get_account("sso.gebruiker", database).password_hash is None
    assert verify("sso.gebruiker", "", database) is None
    assert verify("sso.gebruiker", PASSWORD, database) is None


def test_the_users_command(database, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "anna", "--password-stdin"]) == 0
    assert main(["users", "add", "sso.bert", "--sso"]) == 0
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "anna\tpassword" in out and "sso.bert\tsso only" in out
    assert verify("anna", PASSWORD, database) is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert main(["users", "passwd", "anna", "--password-stdin"]) == 2
    assert "at least 12 characters" in capsys.readouterr().err
    assert main(["users", "remove", "anna"]) == 0
    assert main(["users", "remove", "anna"]) == 2
    assert [a.name for a in list_accounts(database)] == ["sso.bert"]
