"""Many people tagging one team project at once: the engine of the load test, the fault test and the
team benchmark rows (annotator/bench/team.py, tests/team/test_team_load.py, test_team_fault.py).

``setup_project`` makes a team project (schema, roles and RLS, members with passwords in a pgpass
file, documents). ``run`` starts one OS process per annotator (``python -m annotator.bench.team_load
CONFIG.json``), each tagging through its own outbox (TeamLink) for a bounded time — add, relabel,
remove its own spans, mark documents — plus optionally a lead adjudicating (gold spans where two
annotators agree). Each process writes what it did and what it believes is on the server: the caller
compares that with the server (``check``), so a lost or doubled write is counted, not guessed.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

LABELS = ("directive", "statistic")


def setup_project(cluster, folder: Path, dbname: str, annotators: int, docs: int, *, doc_chars: int = 400) -> dict:
    import psycopg  # noqa: PLC0415

    from annotator.storage.pg import schema, security  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    dsn = cluster.create_database(dbname)
    passfile = folder / "pgpass"
    members = {f"ann{i:02d}": "annotator" for i in range(annotators)} | {"lead": "lead"}
    with psycopg.connect(dsn, autocommit=True) as conn:
        schema.migrate(conn)
        with conn.transaction():
            for ord_, name in enumerate(LABELS):
                conn.execute("INSERT INTO labels (name, colour, ord) VALUES (%s, '#888888', %s) ON CONFLICT DO NOTHING",
                             [name, ord_])
            text = ("一、坚持稳中求进工作总基调。全年国内生产总值增长百分之五左右。" * (doc_chars // 30 + 1))[:doc_chars]
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO documents (title, raw_text, clean_text, sha256, char_count, imported_at)"
                                " VALUES (%s, %s, %s, %s, %s, 'now')",
                                [(f"doc {i}", text, text, f"{dbname}-{i}", len(text)) for i in range(docs)])
        security.apply(conn)
        for name, role in members.items():
            password = os.urandom(12).hex()
            security.add_member(conn, name, role, password)
            security.write_pgpass("127.0.0.1", cluster.port, dbname, name, password, passfile)
        doc_ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    return {"port": cluster.port, "dbname": dbname, "passfile": str(passfile), "doc_ids": doc_ids,
            "doc_chars": doc_chars, "members": members, "admin_dsn": dsn}


def conninfo(project: dict, user: str) -> str:
    return (f"host=127.0.0.1 port={project['port']} dbname={project['dbname']} user={user} "
            f"passfile={project['passfile']} connect_timeout=3")


def start(project: dict, folder: Path, *, seconds: float, lead: bool = True, seed: int = 1) -> list[tuple]:
    """Start the processes; returns [(name, Popen, result path)]."""
    procs = []
    names = [n for n, r in project["members"].items() if r == "annotator"] + (["lead"] if lead else [])
    for i, name in enumerate(names):
        cfg = {"conninfo": conninfo(project, name), "user": name, "role": project["members"][name],
               "outbox": str(folder / f"outbox-{name}.sqlite3"), "doc_ids": project["doc_ids"],
               "doc_chars": project["doc_chars"], "seconds": seconds, "seed": seed * 1000 + i,
               "out": str(folder / f"result-{name}.json")}
        path = folder / f"cfg-{name}.json"
        path.write_text(json.dumps(cfg), encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "annotator.bench.team_load", str(path)],
                                stdout=subprocess.DEVNULL, stderr=open(folder / f"err-{name}.txt", "w"))
        procs.append((name, proc, Path(cfg["out"])))
    return procs


def finish(procs: list[tuple], timeout: float = 240) -> dict[str, dict]:
    results = {}
    deadline = time.monotonic() + timeout
    for name, proc, out in procs:
        proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        if proc.returncode != 0 or not out.exists():
            err = Path(str(out).replace("result-", "err-").replace(".json", ".txt"))
            raise RuntimeError(f"{name} failed ({proc.returncode}): {err.read_text()[-2000:] if err.exists() else ''}")
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


def check(project: dict, results: dict[str, dict]) -> dict:
    """Compare every process's record with the server: lost and duplicated writes, counted."""
    import psycopg  # noqa: PLC0415

    lost = duplicated = wrong = ops = 0
    with psycopg.connect(project["admin_dsn"]) as conn:
        for name, r in results.items():
            layer = "@gold" if r["role"] == "lead" else name
            server = {sid: v for sid, v in conn.execute("SELECT s.id, v.version FROM spans s JOIN team_span_versions v"
                                                        " ON v.span_id = s.id WHERE s.annotator = %s", [layer])}
            believed = {sid: v for sid, v in r["live"].items()}
            lost += len(set(believed) - set(server))
            duplicated += len(set(server) - set(believed))
            wrong += sum(1 for sid in set(server) & set(believed) if server[sid] != believed[sid])
            recorded = dict(conn.execute("SELECT outcome, count(*) FROM team_ops WHERE annotator = %s GROUP BY outcome",
                                         [name]).fetchall())
            ops += len(r["ops"])
            lost += max(0, len(r["ops"]) - sum(recorded.values()))
            duplicated += max(0, sum(recorded.values()) - len(r["ops"]))
        # One event per operation applied, never two for the same span creation.
        doubled = conn.execute("SELECT count(*) FROM (SELECT entity_id FROM events WHERE action = 'span.add'"
                               " GROUP BY entity_id HAVING count(*) > 1) d").fetchone()[0]
        outcomes = dict(conn.execute("SELECT outcome, count(*) FROM team_ops GROUP BY outcome").fetchall())
    latencies = sorted(x for r in results.values() for x in r["latencies"])
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else None
    return {"ops": ops, "lost": lost, "duplicated": duplicated + doubled, "version_mismatch": wrong,
            "outcomes": outcomes, "conflicts": sum(len(r["conflicts"]) for r in results.values()),
            "pending": sum(r["pending"] for r in results.values()), "p95_s": p95,
            "median_s": latencies[len(latencies) // 2] if latencies else None,
            "saved_in_outbox": sum(r["saved_outbox"] for r in results.values()),
            "gold_written": len(results["lead"]["ops"]) if "lead" in results else 0}


# -- one process ------------------------------------------------------------------------------------

def _annotate(cfg: dict, link, rng: random.Random, live: dict, keys: set, log: list) -> None:
    from annotator.domain.model import Span  # noqa: PLC0415
    from annotator.services import team_edits  # noqa: PLC0415

    who = cfg["user"]
    r = rng.random()
    if r < 0.65 or not live:
        doc = rng.choice(cfg["doc_ids"])
        # Candidate spans on a coarse grid, so that annotators sometimes agree and the lead has work.
        start = rng.randrange(0, cfg["doc_chars"] - 10, 10)
        key = (doc, start, start + rng.choice((4, 6)), rng.choice(LABELS))
        if key in keys:
            return
        keys.add(key)
        span, saved = team_edits.add_span(link, Span(start=key[1], end=key[2], label=key[3], annotator=who,
                                                     document_id=doc))
        live[span.id] = 1
        log.append(("span.add", saved.where))
    elif r < 0.82:
        sid = rng.choice(sorted(live))
        saved = team_edits.update_span(link, sid, live[sid], who, attributes={"n": rng.randint(0, 99)})
        live[sid] += 1
        log.append(("span.update", saved.where))
    elif r < 0.95:
        sid = rng.choice(sorted(live))
        saved = team_edits.remove_span(link, sid, live.pop(sid), who)
        log.append(("span.remove", saved.where))
    else:
        saved = team_edits.set_status(link, rng.choice(cfg["doc_ids"]), who, rng.choice(("in_progress", "done")))
        log.append(("doc.status", saved.where))


def _adjudicate(cfg: dict, link, reader, rng: random.Random, live: dict, keys: set, log: list) -> None:
    """The lead: in one document, a gold span wherever two annotators agree exactly."""
    from annotator.domain.model import Span  # noqa: PLC0415
    from annotator.services import team_edits  # noqa: PLC0415
    from annotator.storage import team_ops  # noqa: PLC0415

    doc = rng.choice(cfg["doc_ids"])
    votes: dict[tuple, int] = {}
    for spans in team_ops.accepted_layers(reader, [doc]).values():
        for s in spans:
            votes[(doc, s.start, s.end, s.label)] = votes.get((doc, s.start, s.end, s.label), 0) + 1
    for key in [k for k, n in votes.items() if n >= 2 and k not in keys][:5]:
        keys.add(key)
        span, saved = team_edits.add_span(link, Span(start=key[1], end=key[2], label=key[3], annotator="@gold",
                                                     status="gold", document_id=doc, provenance={"votes": votes[key]}))
        live[span.id] = 1
        log.append(("span.add", saved.where))
    time.sleep(0.05)


def worker(cfg: dict) -> dict:
    import psycopg  # noqa: PLC0415

    from annotator.storage.outbox import Outbox, TeamLink  # noqa: PLC0415

    rng = random.Random(cfg["seed"])
    link = TeamLink(f"{cfg['user']}@team", lambda: psycopg.connect(cfg["conninfo"], autocommit=True),
                    Outbox(cfg["outbox"]))
    lead = cfg["role"] == "lead"
    reader = None  # the lead's reading connection, (re)made when needed: the server may be down now
    live: dict[str, int] = {}
    keys: set = set()
    log: list = []
    latencies: list[float] = []
    end = time.monotonic() + cfg["seconds"]
    while time.monotonic() < end:
        t0 = time.perf_counter()
        if not lead:
            _annotate(cfg, link, rng, live, keys, log)
        else:
            t0 = None
            try:
                if reader is None or reader.closed:
                    reader = psycopg.connect(cfg["conninfo"], autocommit=True)
                _adjudicate(cfg, link, reader, rng, live, keys, log)
            except (psycopg.OperationalError, psycopg.InterfaceError):
                if reader is not None:
                    reader.close()
                reader = None
                time.sleep(0.5)
        if t0 is not None:
            latencies.append(time.perf_counter() - t0)
    deadline = time.monotonic() + 120
    while link.pending_count() and time.monotonic() < deadline:  # the server may still be restarting
        link.flush(force=True)
        if link.pending_count():
            time.sleep(0.5)
    result = {"role": cfg["role"], "ops": log, "live": live, "latencies": latencies, "pending": link.pending_count(),
              "conflicts": link.conflicts(), "saved_outbox": sum(1 for _, where in log if where == "outbox")}
    link.close()
    return result


if __name__ == "__main__":
    config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    Path(config["out"]).write_text(json.dumps(worker(config)), encoding="utf-8")
