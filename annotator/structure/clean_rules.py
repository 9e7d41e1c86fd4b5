"""Cleaning rules as data: load resources/cleaning_rules.toml (plus user files) and compile them.

Every rule kind is compiled into ONE alternation so the cleaner makes a single pass per kind over
the text instead of looping over dozens of regexes; the alternative that matched is recovered from
an empty marker group closing each alternative (``m.lastgroup``).

Start-up cost (issue 19: ``annotator outline`` pays it on every run). Compiling is most of a cold
outline's own time. Pickling a ``re.Pattern`` stores its source and compiles again on load; the app's
entry points install ``annotator.regex_cache`` (compiled code kept in the user's cache folder), and
without it (``ANNOTATOR_REGEX_CACHE=0``, another interpreter) the cost is still cut:
- each alternation is compiled on first use: a kind is searched with either its whole-rule
  alternation (fullmatch) or its scan pair (``fast`` + ``singles``), never both;
- patterns of the shipped file are not compiled one by one to be validated at run time: the test
  suite validates that file (``validate_file``); user files still are, so a bad user pattern gets a
  message naming its file and rule before anything is cleaned.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator

from annotator.resources import resource_path

ENV_VAR = "ANNOTATOR_CLEANING_RULES"
KINDS = ("line", "zone", "inline", "cut", "block", "editor", "title")

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=|\\[1-9]")


class RulesError(ValueError):
    """A rules file is malformed; the message names the file and the rule."""


def _literal_first(pattern: str) -> bool:
    """Does the pattern start with a plain character (no group, class, anchor or optional part)?

    Only then can the engine use the alternation's set of first characters to skip positions.
    A wrong guess costs speed, never correctness.
    """
    if pattern[:1] == "\\" and pattern[1:2] and not pattern[1].isalnum():
        pattern = pattern[1:]  # an escaped punctuation mark ("\\.") is a plain character too
    elif not pattern or pattern[0] in "\\()[].^$*+?{|":
        return False
    if pattern[1:2] in ("?", "*", "{"):
        return False
    depth = 0
    escaped = in_class = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return True


@dataclass(frozen=True)
class Combined:
    """Several (id, pattern) rules as one alternation (two: literal-first ones and the rest).

    The compiled forms are built on first use (see the module docstring)."""

    rules: tuple[tuple[str, str], ...]  # (id, pattern) in file order
    template: str = "{}"

    @staticmethod
    def _compile(rules: list[tuple[int, str]], template: str) -> re.Pattern | None:
        if not rules:
            return None
        # Named groups would clash between alternatives, so they become plain groups. The marker
        # group goes at the END of each alternative: it is then the last group closed (so
        # m.lastgroup names the rule), and an alternative still starts with its own literal.
        parts = [f"(?:{_NAMED_GROUP.sub('(?:', pattern)})(?P<r{i}>)" for i, pattern in rules]
        return re.compile(template.format("|".join(parts)), re.MULTILINE)

    @classmethod
    def build(cls, rules: list[tuple[str, str]], template: str = "{}") -> "Combined":
        return cls(tuple(rules), template)

    @cached_property
    def _indexed(self) -> list[tuple[int, str]]:
        return list(enumerate(pattern for _, pattern in self.rules))

    @cached_property
    def regex(self) -> re.Pattern | None:
        """All rules, in file order: fullmatch and first-match-wins searches."""
        return self._compile(self._indexed, self.template)

    @cached_property
    def fast(self) -> re.Pattern | None:
        """The literal-first rules, for whole-text scans."""
        return self._compile([r for r in self._indexed if _literal_first(r[1])], "{}")

    @cached_property
    def singles(self) -> tuple[tuple[int, re.Pattern, frozenset[str] | None], ...]:
        # alone, a pattern keeps the engine's own prefix scan (a character class, say),
        # which an alternation of mixed shapes loses; with it, the literals one of which any match
        # holds (clean_literals.py): without them in the text the scan is skipped
        from annotator.structure.clean_literals import required_literals  # noqa: PLC0415 - with the compile

        return tuple((i, re.compile(p, re.MULTILINE), required_literals(p))
                     for i, p in self._indexed if not _literal_first(p))

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """marker group "r<i>" → ids[i]"""
        return tuple(rule_id for rule_id, _ in self.rules)

    def fullmatch(self, text: str) -> str | None:
        if self.regex is None:
            return None
        m = self.regex.fullmatch(text)
        return self.ids[int(m.lastgroup[1:])] if m else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Non-empty matches of any rule, by start (the two passes may overlap; callers merge)."""
        end = len(text) if endpos is None else endpos
        hits = []
        if self.fast is not None:
            hits.extend(
                (m.start(), m.end(), self.ids[int(m.lastgroup[1:])])
                for m in self.fast.finditer(text, pos, end)
                if m.end() > m.start()
            )
        for i, regex, literals in self.singles:
            if literals is not None and not any(literal in text for literal in literals):
                continue  # cannot match anywhere in the text, so not within pos:end either
            hits.extend((m.start(), m.end(), self.ids[i]) for m in regex.finditer(text, pos, end) if m.end() > m.start())
        return iter(sorted(hits))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int, str] | None:
        return next(self.finditer(text, pos, endpos), None)


@dataclass(frozen=True)
class Block:
    id: str
    start: re.Pattern
    item: re.Pattern


@dataclass(frozen=True)
class ChunkSettings:
    marker: re.Pattern
    min_run: int = 3
    min_median_chars: int = 100
    min_unterminated: float = 0.5
    strong_unterminated: float = 0.8
    evenness: float = 0.35
    min_even_share: float = 0.75


@dataclass(frozen=True)
class Rules:
    line: Combined  # fullmatch against a trimmed line
    line_contains: Combined  # searched in the whole text; the line is chrome if short enough
    line_max: dict[str, int]  # line_contains id → longest line it may drop
    zone: Combined
    inline: Combined
    cut: Combined
    editor: Combined  # ids are "scope|id", scope "anywhere" or "edges"
    blocks: tuple[Block, ...]
    titles: tuple[tuple[str, re.Pattern, bool], ...]  # (id, pattern with a "title" group, trusted)
    chunks: ChunkSettings
    max_chrome_line: int = 200
    cut_max_chars: int = 600
    edge_chars: int = 400
    intro_paragraph_max: int = 300
    sources: tuple[str, ...] = field(default_factory=tuple)


MAX_RULES_BYTES = 4 * 2**20  # the shipped rules are ~20 KB


def _read(path: Path) -> dict:
    """The parsed TOML of a rules file. Parsed once per content: tomllib's import and parse cost ~15–25 ms
    of every cold ``outline``, so the parse is kept as JSON (TOML's types here are JSON's) in the user's
    data folder with the text it was parsed from, and used only if that text is the file's text now."""
    try:
        # Opened without blocking and checked on the descriptor: a FIFO named as the rules file hung
        # ``annotator clean --rules`` (and every import, through $ANNOTATOR_CLEANING_RULES) for ever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise RulesError(f"{path}: not a regular file (a folder, pipe or device), not a rules file")
            if info.st_size > MAX_RULES_BYTES:
                raise RulesError(f"{path}: {info.st_size:,} bytes; a rules file is at most {MAX_RULES_BYTES:,}")
            if hasattr(os, "set_blocking"):  # absent on Windows before 3.12 (no O_NONBLOCK there either)
                os.set_blocking(fd, True)
            chunks, size = [], 0
            while size <= MAX_RULES_BYTES and (chunk := os.read(fd, MAX_RULES_BYTES + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
            raw = b"".join(chunks)
        finally:
            os.close(fd)
        if len(raw) > MAX_RULES_BYTES:  # grew since fstat()
            raise RulesError(f"{path}: over {MAX_RULES_BYTES:,} bytes; not a rules file")
    except OSError as exc:
        raise RulesError(f"{path}: {exc}") from exc
    kept = _kept_path(raw)
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RulesError(f"{path}: {exc}") from exc
    if kept is not None:
        try:
            stored = json.loads(kept.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and stored.get("source") == source and isinstance(stored.get("data"), dict):
                return stored["data"]
        except (OSError, ValueError):
            pass
    import tomllib  # noqa: PLC0415 - only when the parse is not kept

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: {exc}") from exc
    if kept is not None:
        try:  # TOML dates/times would not survive JSON: such a file is simply not kept
            text = json.dumps({"source": source, "data": data}, ensure_ascii=False)
            kept.parent.mkdir(parents=True, exist_ok=True)
            temp = kept.with_name(f"{kept.stem}.{os.getpid()}.tmp")
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, kept)
        except (TypeError, ValueError, OSError):
            pass
    return data


def _kept_path(raw: bytes) -> Path | None:
    # crc32 only names the file (hashlib would load OpenSSL, ~10 ms): _read compares the whole text.
    from zlib import crc32  # noqa: PLC0415

    from annotator.paths import data_dir  # noqa: PLC0415

    try:
        return data_dir() / "parsed-rules" / f"{len(raw)}-{crc32(raw):08x}.json"
    except OSError:  # no writable data folder: parse every time
        return None


def _check(path: Path, kind: str, rule: dict, pattern: object, compile_it: bool = True) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{path}: [[{kind}]] {rule.get('id', '?')!r}: patterns must be non-empty strings")
    if _BACKREF.search(pattern):
        raise RulesError(f"{path}: [[{kind}]] {rule.get('id')!r}: back references are not supported")
    if not compile_it:  # the shipped file: validated by the test suite (validate_file), not per run
        return pattern
    try:
        re.compile(pattern)
    except re.error as exc:
        raise RulesError(f"{path}: [[{kind}]] {rule.get('id')!r}: bad pattern: {exc}") from exc
    return pattern


def _patterns(path: Path, kind: str, rule: dict, compile_it: bool = True) -> list[dict]:
    """One entry per pattern: `patterns = [...]` is shorthand for several rules with one id."""
    if kind == "block":
        for key in ("start", "item"):
            _check(path, kind, rule, rule.get(key), compile_it)
        return [rule]
    contains = kind == "line" and "contains" in rule
    listed = rule.get("contains") if contains else rule.get("patterns", rule.get("pattern"))
    listed = [listed] if isinstance(listed, str) else listed
    if not isinstance(listed, list) or not listed:
        raise RulesError(f"{path}: [[{kind}]] {rule.get('id')!r} needs `pattern`, `patterns` or `contains`")
    return [dict(rule, pattern=_check(path, kind, rule, p, compile_it), contains=contains) for p in listed]


def _merge(paths: list[Path], trusted: frozenset[Path] = frozenset()) -> tuple[dict[str, list[dict]], dict, dict,
                                                                               list[str]]:
    rules: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    settings: dict = {}
    chunks: dict = {}
    used: list[str] = []
    for path in paths:
        data = _read(path)
        if data.get("replace_default"):
            rules = {kind: [] for kind in KINDS}
            settings, chunks = {}, {}
        disabled = set(data.get("disable", []))
        for kind in KINDS:
            rules[kind] = [r for r in rules[kind] if r["id"] not in disabled]
            for rule in data.get(kind, []):
                if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
                    raise RulesError(f"{path}: every [[{kind}]] needs an id")
                rules[kind].extend(_patterns(path, kind, rule, path not in trusted))
        settings.update(data.get("settings", {}))
        chunks.update(data.get("chunks", {}))
        used.append(str(path))
    return rules, settings, chunks, used


def _user_files(path: str | os.PathLike | None) -> list[Path]:
    files = [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    if path is not None:
        files.append(Path(path))
    return files


def load_rules(path: str | os.PathLike | None = None) -> Rules:
    """The default rules, extended by the files in $ANNOTATOR_CLEANING_RULES and by ``path``."""
    shipped = resource_path("cleaning_rules.toml")
    raw, settings, chunk_cfg, used = _merge([shipped, *_user_files(path)], frozenset([shipped]))
    pairs = {kind: [(r["id"], r["pattern"]) for r in raw[kind]] for kind in ("zone", "inline", "cut")}
    whole = [(r["id"], r["pattern"]) for r in raw["line"] if not r["contains"]]
    within = [(r["id"], r["pattern"]) for r in raw["line"] if r["contains"]]
    line_max: dict[str, int] = {}
    for r in raw["line"]:
        if r["contains"]:
            limit = int(r.get("max_len", settings.get("max_chrome_line", 200)))
            line_max[r["id"]] = max(line_max.get(r["id"], 0), limit)
    # Trailing/leading blanks are trimmed around whole-line rules so indentation does not defeat them.
    line_template = r"[ \t\u3000]*(?:{})[ \t\u3000]*"
    chunk_defaults = ChunkSettings(marker=re.compile(r"(\d{1,3})、"))
    chunk_values = {k: v for k, v in chunk_cfg.items() if k != "marker" and hasattr(chunk_defaults, k)}
    marker = re.compile(chunk_cfg["marker"]) if "marker" in chunk_cfg else chunk_defaults.marker
    return Rules(
        line=Combined.build(whole, line_template),
        line_contains=Combined.build(within),
        line_max=line_max,
        zone=Combined.build(pairs["zone"], line_template),
        inline=Combined.build(pairs["inline"]),
        cut=Combined.build(pairs["cut"]),
        # The scope rides in the id's slot so one id can have patterns of both scopes.
        editor=Combined.build([(f'{r.get("scope", "anywhere")}|{r["id"]}', r["pattern"]) for r in raw["editor"]]),
        blocks=tuple(Block(r["id"], re.compile(r["start"]), re.compile(r["item"])) for r in raw["block"]),
        titles=tuple((r["id"], re.compile(r["pattern"]), bool(r.get("trusted"))) for r in raw["title"]),
        chunks=ChunkSettings(marker=marker, **chunk_values),
        max_chrome_line=int(settings.get("max_chrome_line", 200)),
        cut_max_chars=int(settings.get("cut_max_chars", 600)),
        edge_chars=int(settings.get("edge_chars", 400)),
        intro_paragraph_max=int(settings.get("intro_paragraph_max", 300)),
        sources=tuple(used),
    )


def validate_file(path: str | os.PathLike) -> None:
    """Every pattern of one rules file compiled on its own and as its kind's alternations (RulesError
    naming the rule otherwise): what load_rules skips for the shipped file, run by its test."""
    path = Path(path)
    raw, _, chunk_cfg, _ = _merge([path])  # compiles each pattern alone: a bad one is named
    if "marker" in chunk_cfg:
        _check(path, "chunks", {"id": "marker"}, chunk_cfg["marker"])
    for kind in ("line", "zone", "inline", "cut", "editor"):
        combined = Combined.build([(r["id"], r["pattern"]) for r in raw[kind]])
        try:  # a pattern can compile alone and not inside an alternation ("a)|(b"), or the reverse
            combined.regex, combined.fast, combined.singles  # noqa: B018 - compiled for the check
        except re.error as exc:
            raise RulesError(f"{path}: [[{kind}]]: the rules do not compile together: {exc}") from exc


@lru_cache(maxsize=4)
def _cached(env_value: str) -> Rules:
    return load_rules()


def default_rules() -> Rules:
    """Loaded once per value of $ANNOTATOR_CLEANING_RULES; each alternation compiles on first use."""
    return _cached(os.environ.get(ENV_VAR, ""))
