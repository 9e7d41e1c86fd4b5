"""Rule loading (issue 19): the shipped rules are validated here instead of on every run, user rules
still at load time, and an alternation is compiled only when a cleaning step uses it."""

from __future__ import annotations

import pytest

from annotator.resources import resource_path
from annotator.structure.clean import clean
from annotator.structure.clean_rules import Combined, RulesError, load_rules, validate_file


def test_shipped_rules_file_is_valid():
    # load_rules does not compile the shipped patterns one by one: this is where a bad one is caught.
    validate_file(resource_path("cleaning_rules.toml"))


def test_validate_file_names_a_bad_pattern(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[line]]\nid = "fine"\npattern = "关注我们"\n[[cut]]\nid = "broken"\npattern = \'a)|(b\'\n',
                   encoding="utf-8")
    with pytest.raises(RulesError, match="broken"):
        validate_file(bad)


def test_user_rules_are_still_validated_at_load(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[[zone]]\nid = "mine:zone"\npattern = \'[unclosed\'\n', encoding="utf-8")
    with pytest.raises(RulesError, match="mine:zone"):
        load_rules(bad)


def test_alternations_compile_on_first_use_and_match_as_before():
    combined = Combined.build([("a", "关注.{0,4}公众号"), ("b", r"\d+ 页"), ("c", "(?P<x>扫码)下载")])
    assert "regex" not in vars(combined) and "fast" not in vars(combined)
    assert combined.fullmatch("关注我们公众号") == "a"
    assert "regex" in vars(combined) and "fast" not in vars(combined)  # a scan never built for a fullmatch
    assert list(combined.finditer("请扫码下载，共 12 页")) == [(1, 5, "c"), (8, 12, "b")]
    assert combined.fullmatch("讲话正文") is None


def test_lazily_compiled_rules_clean_the_same_text_twice_alike():
    raw = "首页 > 讲话\n关注我们\n同志们：\n我们要抓好落实。\n第 2 页 共 9 页\n"
    rules = load_rules()
    first = clean(raw, rules).text
    assert "同志们" in first and "第 2 页" not in first
    assert clean(raw, rules).text == first


def test_a_kept_parse_follows_the_file_content(tmp_path):
    # The parse is kept by the SHA-256 of the bytes: an edited file is parsed again, never served stale.
    mine = tmp_path / "mine.toml"
    mine.write_text('[[line]]\nid = "mine:one"\npattern = \'本站招聘编辑.*\'\n', encoding="utf-8")
    raw = "同志们：\n本站招聘编辑若干名\n我们要抓好落实。\n欢迎投稿\n"
    for _ in range(2):  # parsed, then read back
        text = clean(raw, load_rules(mine)).text
        assert "本站招聘" not in text and "欢迎投稿" in text
    mine.write_text('[[line]]\nid = "mine:two"\npattern = \'欢迎投稿\'\n', encoding="utf-8")
    text = clean(raw, load_rules(mine)).text
    assert "本站招聘" in text and "欢迎投稿" not in text
    mine.write_text('[[line]]\nid = "mine:three"\npattern = \'(unclosed\'\n', encoding="utf-8")
    with pytest.raises(RulesError, match="mine:three"):
        load_rules(mine)
