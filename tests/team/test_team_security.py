"""Security basics of a team project: TLS with host name checking, no password in any message, file or
server log, and an audit trail whose PostgreSQL role the server records (not the client)."""

from __future__ import annotations

import sqlite3

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.bench.team_cluster import Cluster, server_bin  # noqa: E402
from annotator.domain.model import Span  # noqa: E402
from annotator.services import team_edits  # noqa: E402
from annotator.storage.outbox import Outbox, TeamLink  # noqa: E402
from annotator.storage.pg import security  # noqa: E402
from annotator.storage.team_ops import redact  # noqa: E402

SECRET = "Tr0ub4dor&3-secret"


@pytest.fixture(scope="module")
def tls_cluster():
    if server_bin() is None:
        pytest.skip("no PostgreSQL server binaries")
    c = Cluster(ssl=True)
    with psycopg.connect(c.admin_dsn(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET log_statement = 'all'")  # so a leaked password would be in the log
        conn.execute("SELECT pg_reload_conf()")
    dsn = c.create_database("tlsdb")
    with psycopg.connect(dsn, autocommit=True) as conn:
        from annotator.storage.pg import schema  # noqa: PLC0415

        schema.migrate(conn)
        security.apply(conn)
        security.add_member(conn, "alice", "annotator", SECRET)
    yield c
    c.stop(remove=True)


def _tls(c, host, tmp_path, **extra):
    passfile = tmp_path / "pgpass"
    security.write_pgpass(host, c.port, "tlsdb", "alice", SECRET, passfile)
    return psycopg.connect(host=host, port=c.port, dbname="tlsdb", user="alice", passfile=str(passfile),
                           sslrootcert=str(c.ca_file), connect_timeout=5, **extra)


def test_verify_full_connects_to_the_named_host(tls_cluster, tmp_path):
    with _tls(tls_cluster, "localhost", tmp_path, sslmode="verify-full") as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone() == (True,)


def test_verify_full_refuses_a_wrong_host_name(tls_cluster, tmp_path):
    # Same server, reached by an address the certificate does not name: a man in the middle's view.
    with pytest.raises(psycopg.OperationalError, match="does not match|certificate"):
        _tls(tls_cluster, "127.0.0.1", tmp_path, sslmode="verify-full")


def test_plain_tcp_is_refused_by_a_tls_only_server(tls_cluster, tmp_path):
    with pytest.raises(psycopg.OperationalError, match="no encryption|pg_hba"):
        _tls(tls_cluster, "localhost", tmp_path, sslmode="disable")


def test_password_is_in_no_server_log_and_stored_hashed(tls_cluster, tmp_path):
    with _tls(tls_cluster, "localhost", tmp_path, sslmode="verify-full"):
        pass
    log = (tls_cluster.data / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "CREATE ROLE" in log  # statements were logged…
    assert SECRET not in log  # …but only the SCRAM verifier travelled
    with psycopg.connect(tls_cluster.admin_dsn("tlsdb")) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'alice'").fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$") and SECRET not in stored
    assert oct((tmp_path / "pgpass").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("text", [
    f"postgresql://alice:{SECRET}@db.example.org:5432/team",
    f"could not open postgres://alice:{SECRET}@10.0.0.5/team: timeout",
    f"host=db user=alice password={SECRET} dbname=team",
    f"host=db password='{SECRET} with spaces' user=alice dbname=team",
])
def test_redact_removes_every_password(text):
    out = redact(text)
    assert SECRET not in out and "***" in out
    assert "alice" in out  # the rest stays readable


def test_no_password_in_link_messages_or_the_outbox_file(team, tmp_path):
    url = f"postgresql://alice:{SECRET}@127.0.0.1:1/{team.dbname}"  # port 1: nobody listens

    def connect():
        return psycopg.connect(url, connect_timeout=2)

    box = Outbox(tmp_path / "o.sqlite3")
    link = TeamLink(url, connect, box)
    span, saved = team_edits.add_span(link, Span(start=0, end=2, label="directive", annotator="alice",
                                                 document_id=team.doc_id))
    assert saved.where == "outbox"
    link.flush(force=True)
    messages = [link.project, link.last_error, str(link.status())]
    assert all(SECRET not in m for m in messages), messages
    assert "127.0.0.1" in link.last_error and "***" in link.project
    box.close()
    with sqlite3.connect(tmp_path / "o.sqlite3") as db:
        dump = "\n".join(db.iterdump())
    assert SECRET not in dump and "unreachable" in dump


def test_audit_trail_records_the_server_role(team, tmp_path):
    link = TeamLink("alice@team", lambda: team.connect("alice", autocommit=True), Outbox(tmp_path / "o.sqlite3"))
    team_edits.add_span(link, Span(start=0, end=2, label="directive", annotator="alice", document_id=team.doc_id))
    with team.connect("lena", autocommit=True) as lead:
        # A lead may write an event naming someone else (e.g. adjudicating): the audit still says who.
        lead.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', 'alice', 'gold.set')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # and cannot write the audit itself
            lead.execute("INSERT INTO team_event_audit VALUES (999, '1', 'alice', now())")
    with team.connect("alice", autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', 'bob', 'span.add')")
    with team.admin() as conn:
        rows = conn.execute("SELECT e.annotator, e.action, a.db_role, a.xid IS NOT NULL, a.server_ts IS NOT NULL"
                            " FROM events e JOIN team_event_audit a ON a.event_id = e.id ORDER BY e.id").fetchall()
    assert rows == [("alice", "span.add", "alice", True, True), ("alice", "gold.set", "lena", True, True)]
