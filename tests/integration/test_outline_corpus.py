"""The outline parser on real documents it was not written for (tests/data/outline_corpus).

The floors are the scores measured when they were last raised; a change that lowers the corpus score
fails here instead of going unnoticed.  Raise them when the parser improves, never lower them silently.
"""

from __future__ import annotations

import json

import pytest

from annotator.structure.evaluate import DEFAULT_CORPUS, corpus_documents, group_of, load_gold, score_corpus, split_of

FLOORS = {  # split: (F1, level accuracy, exact titles)
    # Round 4: 0.998 / 0.989 / 0.986 with the two regulation excerpts added to dev; the titles left are
    # 一是 items whose title is the clause before the first comma, a heading run on into a body with no
    # cue at all, and a flattened resolution whose 甲/乙 parts lost their line starts.
    # Round 5 added a school notice copied from a PDF onto one line (spaces at every wrapped line, even
    # inside words): its titles cut at those spaces are the whole drop of dev's title rate (0.985 → 0.973);
    # every document dev held before scores as it did.
    # Round 5 also added to dev a markdown article whose 4.1…4.7 sub-headings no family reads (F1 0.72 there),
    # the second witness for markers behind a pictograph or bullet (◆一、).
    # Session 5 added blog_nixiang_anquan_md (the second witness for 6.1-style decimal sub-headings): with the
    # decimal family both articles score F1 1.00 (blog_superpowers_md was 0.72); dev 0.989 → 0.994.
    # Round 16: a flattened PDF page's line-end spaces are wraps where the page shows a print width
    # (notice_daikuan_queren's titles 0.250 → 0.500): dev titles 0.970 → 0.974.
    # Round 19: 甲/乙 parts found on a one-line page (mao_005_cuozhengsixiang_oneline): 0.9957 / 0.9900 / 0.9744.
    "dev": (0.995, 0.989, 0.973),
    "heldout": (0.999, 0.999, 0.999),  # looked at while rules were written: a regression check only
    # Looked at after its first score (0.913): spent for tuning, kept as a regression check.
    # Round 19: a quoted plan period opening the body ends a run-on title (plan_zhongyiyao_2022_oneline): titles 0.990 → 0.995.
    "fresh": (0.99, 0.995, 0.995),
    # The second held-out group: never tuned on (its misses listed in round 4).  Round 5's rule for inline
    # lists broken by a line (a PDF wrap, or the next item opening the next paragraph; witnessed by fresh2's
    # PDF-wrapped copy and fresh6) found its four wrapped 第一是…第四是 (F1 0.964 → 0.974); two of their titles
    # end at the wrap, so the title share fell 0.897 → 0.889 with nothing lost.
    # Session 5: PDF-wrapped titles go on past a wrap at the page's own width (titles 0.889 → 0.921), and a
    # run held across a higher-ranked list found one more heading of mao_md_038 (F1 0.974 → 0.977).
    # Round 13: a list quoted as its own paragraph (“（一）…；（二）…”) is the document's list: 0.977 → 0.987.
    # Round 23 (helper outline23): "。但是第一，" (a conjunction before the ordinal) found mao_md_038's 第一， (F1 0.987 →
    # 0.990); its gold title runs past the ； to the 。 as that file's 第三， does (ten other inline items of the corpus
    # end at the ；), so the title share fell 0.923 → 0.918 with one heading more found and none lost.
    "fresh2": (0.989, 0.98, 0.917),
    "fresh3": (0.97, 0.99, 0.99),  # the third held-out group (round 3): first score F1 0.977, titles 0.984
    # The fourth held-out group (round 4: regulations with 章/节/条, old markdown speeches, scraped one-line
    # replies, minutes with raw HTML).  The honest figure is its first score, taken before any rule was
    # changed: 0.935 / 0.950 / 0.965.  Its errors were then looked at and their classes fixed (checked on
    # dev, where two regulation excerpts were added), so the 1.000 / 1.000 / 0.986 after is a floor only.
    "fresh4": (0.99, 0.99, 0.98),
    # The fifth held-out group (round 5: Party congress reports, a one-line legislative explanation, a
    # prefecture regulation, a law, a dormitory scoring rule with "1 、" markers and (N分) tails, 1940s
    # speeches).  Honest first score, before any rule changed: F1 0.935 (P 0.989, R 0.888), levels 0.874,
    # titles 0.874.  After the round-5 fixes (each checked on a second document): 1.000 / 1.000 / 0.980.
    "fresh5": (0.995, 0.995, 0.975),
    # A sixth, small held-out group gathered after the round-5 fixes (old speeches, a provincial regulation):
    # first score, before anything was changed for it: F1 0.909 (P 1.000, R 0.833), levels and titles 1.000.
    # Its 第一是/第二是 across two paragraphs then shared a fix with fresh2's PDF-wrapped list: 0.957 after.
    # Session 6 (round 13): items an excerpt left out of a list keep the others' numbers (（六） then （九）): 1.000.
    "fresh6": (0.999, 0.999, 0.999),
    # The seventh held-out group (session 5: a provincial notice page, a speech's study notes as Word HTML and its
    # one-line scrape, a county scoring rule as an HTML table, two regulations and a judicial interpretation in
    # markdown with raw HTML, a PDF-wrapped copy, a table of contents with page numbers, a 1937 article, a
    # PDF-extracted speech opening).  Honest first score, before any rule changed: F1 0.857 (P 1.000, R 0.750),
    # levels 0.590, titles 0.738.  Its errors were then looked at and the categories that two documents
    # share were fixed (markdown's raw HTML, em spaces, tabs ending titles, PDF wraps, parts over articles):
    # 0.949 / 0.894 / 0.949 after — a floor only, no longer an honest figure.
    # Session 6: a flattened law's articles skipping ahead, 第N个X， runs and bold heading lines inside one
    # HTML block (each seen in a second document) took it to 0.974 / 0.972 / 0.980.
    # Round 13: table row numbers before a TAB (and skipping left-out rows), skipped （N） items, criteria wrapped
    # in a table cell (each seen in a fresh12 or fresh6 document too): 0.996 / 1.000 / 0.984.
    "fresh7": (0.995, 0.999, 0.983),
    # The eighth held-out group (session 6: a State Council regulation in markdown with raw HTML and its
    # one-line twin, a municipal notice's （一）…（六） measures, study notes as Word-like HTML with 一是…三是,
    # a provincial news report with inline 一是要…四是要, a web item with 1、…4、 subheads, two precision checks
    # (a news report with unnumbered subheads, an article counting 这是第一种。 at paragraph ends) and a 1934
    # speech with 第一个问题/第二个问题).  Gold written by hand before the parser ran on them.  Honest first
    # score, before any rule changed: F1 0.949 (P 1.000, R 0.904), levels 0.787, titles 0.920 — all of it
    # the one-line regulation.  After the session-6 fixes: 1.000 / 1.000 / 1.000 — a floor only.
    "fresh8": (0.999, 0.999, 0.999),
    # The ninth held-out group (session 7: a ministry opinion with 一、（一）1. as escaped HTML, a national
    # industry plan as <h1>/<h2> with tables, a State Council plan opening with &nbsp; indents, a municipal
    # decision and an implementing opinion whose 1.…15. number on across its parts, a State Council notice
    # typed with hard wraps and typos, a provincial notice extracted from a PDF onto one line, a ministry
    # rule in markdown).  Gold written by hand before the parser ran on them.  Honest first score, before
    # any rule changed: F1 0.948 (P 1.000, R 0.901), levels 1.000, titles 1.000 — the misses all in the
    # PDF one-liner (an OCR-lost closing quote hid the rest of the page) and the typed notice (its 1.…3.
    # title lines cut by the cleaner as page-chunk numbers).  After the session-7 fixes: 0.988 / 1.000 /
    # 0.994 — a floor only.
    "fresh9": (0.987, 0.999, 0.993),
    # The tenth and eleventh groups (session 6, helper outline9): twelve regulations, judicial
    # interpretations and a study article from LawRefBook/Laws and a study-notes repository, with one-line,
    # PDF-wrapped and GB18030/CRLF twins, and a JSP news page with chrome (precision check).  Gold written by
    # hand before the parser ran on them.  fresh10 may be tuned on; fresh11 is held out (scored at the start
    # and the end only).  Three more were added after the first rule change (a trade-union rule flattened
    # with no separator at all to fresh10; a provincial rule as Quill HTML and a news list to fresh11), their
    # first score taken with the parser of the session's start.  Honest first scores, parser of a92260e:
    # fresh10 0.995 / 0.983 / 0.994 (the glued rule lost 第一章 and 第一条, one title of the one-line
    # regulation cut short), fresh11 1.000 / 1.000 / 1.000.
    # Round 21 (helper outline22): an article glued to its chapter's title ("…办法第一章总则第一条为…", and on a line or
    # spaced in the unit tests) is found, and the glued chapter it opens kept (reg_gonghui_zhengyi_flat: 第一章 and
    # 第一条 found, levels right): 1.000 / 1.000 / 0.9945.
    "fresh10": (0.999, 0.999, 0.994),
    "fresh11": (0.999, 0.999, 0.999),
    # The twelfth held-out group (round 13: a 1942 speech in markdown and its one-line twin, a traditional-
    # character commentary (+GB18030/CRLF), a coal-mine scoring table (+CRLF), two leader speeches and a
    # communique from school-CMS pages, a municipal notice, a county scoring rule, a one-line Party
    # article, a 2023 report digest).  Gold written by hand before the parser ran on them.  Honest first
    # score, before any rule changed: F1 0.845 (P 1.000, R 0.731), levels 0.761, titles 0.925.  After the
    # round-13 fixes (each category checked on a second document): 0.938 / 0.927 / 0.938 — a floor only.
    # Left: the 1942 speech's 第N条罪状是： (an ordinal inside a noun phrase) and 第N篇，, and the coal-mine
    # table's glued ① and a./b. items — each seen in one document only.
    # Round 19: an address to the audience (同志们！) closes the five run-in 第N， points before it
    # (speech_hongse_ziyuan_2021_oneline levels 0.556 → 1.000): 0.9381 / 0.9414 / 0.9377.
    # Round 23 (helper outline23): 第N篇， and 第N条： under it (the 篇 division in the grammar; a colon after 第N条 is
    # no title end): mao_md_064_dangbagu (and its one-line twin) 0.667 → 0.778 F1: 0.949 / 0.964 / 0.961.
    "fresh12": (0.948, 0.963, 0.960),
    # The thirteenth held-out group (session 6, helper outline14: CMS news items with inline 一是/一要 lists and bold
    # 一/二/三 points with no separator, a county bank's Word HTML with two lists restarting at 一是, a fire brigade's duty
    # lists as HTML, as GB18030/CRLF text and flattened by hand onto one line, a markdown notice with a bare "## 三",
    # a markdown ministry rule).  Gold written by hand before the parser ran on them; scored once, nothing tuned.
    # Honest first score, parser of b2ef5b7: F1 0.978 (P 1.000, R 0.958), levels 1.000, titles 0.949.  Misses: the
    # bold bare numerals (一思想上高度认识，), 一要 opening a 一要/二是要/三是 list, a "## 三" line with no title, a
    # （二） item holding a URL cut by the cleaner; titles: run-in items cut short in the one-liner, and article or
    # item titles stopped at a ； the gold runs past to the 。.
    "fresh13": (0.977, 0.999, 0.948),
    # The fourteenth held-out group (session 7, helper outline14): a provincial 政府工作报告 in markdown (一是…六是,
    # （一）…（十四）, annexes restarting 一、 and a 1. glossary) and its PDF copy (hard wraps, page numbers), a municipal
    # four-level plan (一、（一）1．（1）) as CMS HTML and flattened onto one line, a four-level notice, a 第一，…第五，
    # speech, a provincial opinion, a nursing scoring table, two news items with mixed inline lists (一要…四是,
    # 一是要…二要), a constitutional amendment glued onto one line, a heading-free meeting report.  Gold written by
    # hand before the parser ran on them.  Honest first score, parser of 48a5c46: F1 0.922 (P 0.978, R 0.872),
    # levels 0.913, titles 0.959.  After the round-14 fixes (marker kin 一要/一是 and 1、/1., empty numbered
    # carousel items, spaced articles opening a one-line law mid-way, table rows with a long last cell, a 1．
    # list going on after a lost item, an annex line ending the lists): 0.980 / 0.992 / 0.955 — a floor only.
    # Left: the plan's "…42．" glued to a flattened table, a lone （1） cut by the database, 一方面/另一方面 taken
    # as items, the one-line plan's lost 1．…4． and run-on titles, two table-cell titles stopped at a space.
    # Round 16: 一方面/另一方面 weighing two sides of one sentence are no items (sh_xueqian_jihua_2011 P 0.931 → 1.000):
    # 0.984 / 0.992 / 0.955.
    # Round 19: an item number glued to a flattened table's last figure ("…43.942.742．师资…") found sh_xueqian_jihua_2011_oneline's
    # 1．…4． (its recall 0.793 → 0.931, its 一是/二是 now a level deeper as in the gold): 0.9919 / 1.0000 / 0.9431.  The
    # exact-title share fell (0.955 → 0.943) with one title more exact than before (232 of 246, was 231 of 242): the four
    # newly found items' titles run into their bodies with no cue at all on that page ("全市面临新一轮人口出生高峰受20世纪…").
    # A quoted plan period opening the body ("发展现状“十一五”期间，…") then ended one more: titles 0.9472 (233 of 246).
    "fresh14": (0.991, 0.999, 0.946),
    # fresh15 (13 documents, 364 headings, session 7): first score on the parser of 48a5c46 0.987 / 0.980 / 0.958
    # (the cleaner deleted one flattened PDF page whole); with that fixed 0.992 / 0.972 / 0.953 (the page's
    # headings found, their levels wrong under the page's lone 二、); outline14's rules changed nothing here.
    # Round 16: titles going on past the wrap spaces of a flattened PDF page (plan_zhongjian_sheji_oneline 0.111 →
    # 1.000): titles 0.953 → 0.975.  A lone 二、 opening an excerpt kept over its lists (plan_zhongjian_erju_oneline
    # levels 0.000 → 1.000): 0.993 / 0.981 / 0.975.  A section number glued to a cut-off sentence with its title
    # spaced ("…链1．2 文件…", textbook_duomeiti_oneline F1 0.778 → 1.000): 0.999 / 0.981 / 0.970 — two more titles
    # exact (352 of 363), the share lower only because the new 1．2's title runs into its body with no cue.  A print
    # width read off five pieces (not eight) covers the short erju page too: titles 0.972.
    # Round 21 (helper outline22): lists before the first part of an excerpt that opens past 1 sit under the part it left
    # out (textbook_duomeiti_oneline's （1）…（7） before 1．2, levels 0.000 → 1.000 there): 0.9986 / 1.0000 / 0.9725.
    "fresh15": (0.998, 0.999, 0.971),
    # fresh16 (6 provincial work reports as scraped, 99 headings, session 7, helper outline17): first score on the parser
    # of integ 6876f9c 1.000 / 0.949 / 1.000; unchanged by round 16.
    # Round 19: an address to the audience (各位代表！) closes the run-in （一）…（六） before it, so the 五年来 一是…五是 list
    # sits under 一、 (baogao_shaanxi_2026 levels 0.750 → 1.000; the same shape in the zhejiang 2026 suggestion probe): 1.000 / 1.000 / 1.000.
    "fresh16": (0.999, 0.999, 0.999),
    # fresh17 (14 documents, 327 headings, session 8, helper outline18: district plans in markdown, a district
    # rule + GB18030/CRLF copy, a regulation with a 目录, a 2026 and a 1938 speech, one-line twins, HTML string
    # scrapes): first score on the parser of 6ddf686, before any parser change: 0.983 / 1.000 / 0.975.
    # Round 20 (helper outline20): a 目录 whose lines the body repeats is no headings (reg_sh_gonglu_flk F1 0.944 → 1.000;
    # the scorer now places a heading written twice before the next at the body's copy), the names after a 附件： line
    # are no headings (fangan_sh_lingtan_md P 0.909 → 1.000), 又一方面 closes a 一方面 pair (mao_md_029_zhanlue R 0.931 →
    # 1.000): 1.000 / 1.000 / 0.9755 (327 of 327 found, 319 titles exact).
    # Round 21 (helper outline22): a space inside a 《…》 (a joint document's issuers) no longer ends a title
    # (banfa_jiading_shengtai_md and its GB18030 copy): titles 0.9755 → 0.9817 (321 of 327).  A run-in 一是 item's first
    # sentence longer than the window is its title on a long line too (fangan_baoshan_laji_md + one-line twin): 0.9878.
    "fresh17": (0.999, 0.999, 0.987),
    # fresh18 (14 documents, 427 headings, session 9, helper outline21: a 篇/章/节 plan outline, a regulation excerpt
    # starting at 第二十九条, four-level district plans, 1936–57 speeches in markdown, two one-line twins): first
    # score on the parser of 46919e1, before any parser change: 1.000 / 0.904 / 0.950 F1, levels 0.834, titles 0.956.
    # Round 23 (helper outline23): a heading line before blank lines is still the line before (a markdown law excerpt
    # opening at 第二十九条 under ## 第四章: reg_sh_daolu_jiaotong_md F1 0.838 → 1.000, levels 0.041 → 1.000): 0.974 / 0.958 / 0.958;
    # the divisions 卷 > 编 = 篇 > 分编 > 部分 > 章 > 节 in the grammar (guihua_shiwuwu_gangyao levels 0.000 → 1.000), 第N条， in speech
    # an inline item (maoxuan_md_neibu_maodun R 0.909 → 1.000): 0.978 / 0.993 / 0.966; a conjunction before 第N (然而第二，,
    # 但是第一，: maoxuan_md_chijiuzhan, and mao_md_038_xingshi in fresh2), 又其一， counting on, 第二个特点是 going on a
    # 第一个特点， list, 首先 inside a sentence with its 其次 and 再其次 (maoxuan_md_zhanlue_wenti, maoxuan_md_yanan_wenyi):
    # 1.000 / 0.993 / 0.967 (427 of 427 found); titles: a flattened heading cut before a first sentence whose subject it
    # named ("2025年工作回顾|2025年是…": baogao_beijing_2026_oneline 0.806 → 0.861, jueding_shenhua_gaige_2024_oneline 0.810 →
    # 0.905), no title ends on a conjunction ("（二）如果由于|我们…": maoxuan_md_neibu_maodun): 1.000 / 0.993 / 0.977.
    # Round 25 (helper outline25): a paragraph-lead 第四点， holds the 第二条，…第四条， list of a later paragraph
    # (maoxuan_md_shida_guanxi levels 0.870 → 1.000): 1.000 / 1.000 / 0.977.
    "fresh18": (0.999, 0.999, 0.976),
    # fresh19 (14 documents, 520 headings, session 9, helper outline24: two prefecture regulations, a town rule, the
    # 天津 2026 report + GB18030/CRLF twin, district 实施意见/工作方案 + one-line twin, two Mao texts, a school head's
    # speech, CMS/SQL/Word-HTML pages): gold only, scored once by the lead on the merged parser of session 9:
    # 1.000 / 0.954 / 0.976 F1, levels 0.952, titles 0.988 — exactly what the parser of 46919e1 (before this
    # session's rounds 21 and 23) scores on it: those rounds changed nothing on text they had not seen.
    # Round 25 (helper outline25, fresh19 now open for fixing): no level moved down without a sign of the lost level
    # in the section (levels 0.952 → 0.968); 第N件　 part titles (COUNTERS in the grammar; maoxuan_md_hunan_nongmin
    # F1 0.690 → 1.000); a paragraph-lead 其次是 holding a later 一是 list (speech_sxyz_kaifangri levels 0.742 →
    # 1.000); items numbered through the text going on under the next part (yijian_gz_rencai_jiju R 0.881 → 0.983):
    # 1.000 / 0.983 / 0.991 F1, levels 1.000, titles 0.988.
    "fresh19": (0.990, 0.999, 0.987),
    # fresh20 (12 documents, 365 headings, session 10, helper outline26, gold written before any parser ran): scored
    # once by the lead on the merged parser: 0.855 F1 (P 0.932, R 0.789), levels 0.965, titles 0.826 — the parser
    # before session 10's round scored exactly the same.  Round 27 (helper outline27, fresh20 then open for fixing):
    # decimal numbers closed by 、 (1.1、 / 2.2.1、); a URL cited in brackets inside a sentence kept by the cleaner;
    # a data table's numbered rows read one cell a line not taken for sections; a PDF's running head and page
    # number removed page by page; wraps of a double-spaced PDF copy and numbers set off by spaces ("扣 5 分")
    # inside titles; a spaced table header row no longer closes the open lists; a number the source writes twice
    # (3. 3. 4., 第十五条 twice) kept as the next item; a time of day (17：00) inside a title; an item giving a
    # mailbox kept by the cleaner; a notice's closing 附件：1．…2．… list not read as sections; a chapter title spaced
    # out character by character with its first article glued to it (总    则第一条): 1.000 F1, levels 1.000, titles 0.984.
    "fresh20": (0.999, 0.999, 0.983),
    # round 5: 0.991 / 0.994 / 0.971 on 114 documents; 0.987 / 0.982 / 0.971 on 127; session 6: 0.991 / 0.992 /
    # 0.976 on 136 (0.986 / 0.974 / 0.969 before its fixes, fresh8 included); session 7: 0.991 / 0.993 / 0.978
    # on 144 (0.988 / 0.992 / 0.978 before its fixes, fresh9 included)
    # round 13: 0.975 / 0.970 / 0.973 on 158 documents with fresh12 added, before its fixes; 0.988 / 0.988 /
    # 0.974 after.
    # Session 6 with both rounds merged (fresh10–fresh12 in): 0.989 / 0.989 / 0.977 on 174 documents.
    # With fresh13 added (parser unchanged): 0.989 / 0.989 / 0.976 on 184 documents.
    # With fresh15 added (session 7, helper outline15; parser of 48a5c46 unchanged): 0.989 / 0.988 / 0.974 on 197
    # documents (3,235 of 3,322 titles exact) — the exact-title floor lowered by the new held-out batch only.
    # The cleaner then kept a flattened PDF page it had deleted whole (plan_zhongjian_erju_oneline).
    # Session 7 (helper outline14): with fresh14 added, parser unchanged: 0.984 / 0.984 / 0.975 on 196 documents;
    # after the round-14 fixes 0.988 / 0.989 / 0.974 (titles: the newly found table items' titles are not all exact).
    # Both merged, 209 documents: 0.989 / 0.988 / 0.972.
    # Session 7 (helper outline17): fresh16 (6 provincial work reports, 99 headings) added with the parser unchanged,
    # 215 documents: 0.989 / 0.9866 / 0.973; its 5 level errors (an inline 一是…五是 list after a closed （一）…（六） run nested
    # under （六）).
    # Round 16 (helper outline16, on 209 documents without fresh16): wrap spaces on flattened PDF pages: titles
    # 0.972 → 0.975; a lone 二、 opening an excerpt: levels 0.988 → 0.989; with the glued 1．2 and the 一方面
    # contrast: 0.990 / 0.989 / 0.975.  All merged, 215 documents: 0.990 / 0.9875 / 0.9755.
    # Round 19 (helper outline19), 215 documents: 0.9908 / 0.9905 / 0.9753 (3,678 of 3,746 headings found, 3,643 at the
    # right level, 3,587 titles exact; was 3,672 / 3,626 / 3,582).
    # Round 20 (helper outline20), 229 documents with fresh17: 0.9916 / 0.9913 / 0.9753 (4,005 of 4,073 found, 3,970 at the
    # right level, 3,906 titles exact; 0.990 / 0.991 / 0.975 before, precision 0.998).
    # Session 9, fresh18 added with the parser unchanged, 243 documents: 0.988 / 0.977 / 0.974 (4,391 of 4,500
    # found) — the floors lowered by the new unseen batch only.
    # Round 21 (helper outline22), 229 documents: 0.9916 / 0.9930 / 0.9753 (3,977 at the right level, was 3,970); with the
    # glued chapter and article 0.9918 / 0.9938 / 0.9753 (4,007 found, 3,982 at the right level, 3,908 titles exact);
    # with a space inside 《…》 kept in the title 0.9918 / 0.9938 / 0.9758 (3,910 titles exact); with long run-in
    # item sentences 0.9918 / 0.9938 / 0.9763 (3,912 titles exact).
    # Both merged (session 9), 243 documents with fresh18: 0.988 / 0.980 / 0.975 (4,393 of 4,500 found); round 21
    # left fresh18 (unseen by it) unchanged at 0.950 / 0.834 / 0.956.
    # Round 23 (helper outline23), 243 documents: 0.993 / 0.993 / 0.977 (4,439 of 4,500 found).
    # Rounds 21 and 23 merged with perf7's speed work (session 9), 243 documents: 0.993 / 0.995 / 0.977 (4,441 of
    # 4,500 found, precision 1.000).
    # With fresh19 added (session 9, parser unchanged), 257 documents: 0.992 / 0.990 / 0.979 (4,937 of 5,020 found).
    # Round 25 (helper outline25), 257 documents: 0.993 / 0.996 / 0.979 (4,952 of 5,020 found, precision 1.000).
    "all": (0.992, 0.995, 0.978),
}


@pytest.fixture(scope="module")
def scored():
    return score_corpus(DEFAULT_CORPUS)


def test_corpus_has_provenance_for_every_document():
    sources = json.loads((DEFAULT_CORPUS / "SOURCES.json").read_text(encoding="utf-8"))
    ids = {doc.name.split(".")[0] for doc, _gold in corpus_documents(DEFAULT_CORPUS)}
    assert len(ids) >= 25
    assert ids == set(sources)
    for doc_id, source in sources.items():
        assert {"repository", "path", "commit", "kind", "note"} <= set(source), doc_id


def test_every_gold_heading_is_in_its_document(scored):
    # score_corpus raises GoldError for a gold line that is not in the raw text; reaching here means none.
    docs, _ = scored
    assert sum(d.gold for d in docs) >= 300


def test_fresh_held_out_group_is_declared_and_large_enough():
    # The honest held-out group: declared in SOURCES.json, scored to report, never tuned on.
    fresh = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh"]
    assert len(fresh) >= 10
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh) >= 150


def test_second_fresh_group_is_declared_and_large_enough():
    fresh2 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh2"]
    assert len(fresh2) >= 10
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh2) >= 150


def test_third_fresh_group_is_declared():
    fresh3 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh3"]
    assert len(fresh3) >= 6
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh3) >= 60


def test_fourth_fresh_group_is_declared():
    fresh4 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh4"]
    assert len(fresh4) >= 10
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh4) >= 200


def test_fifth_fresh_group_is_declared():
    fresh5 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh5"]
    assert len(fresh5) >= 10
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh5) >= 90


def test_seventh_fresh_group_is_declared():
    fresh7 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh7"]
    assert len(fresh7) >= 12
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh7) >= 250


def test_eighth_fresh_group_is_declared():
    fresh8 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh8"]
    assert len(fresh8) >= 9
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh8) >= 80


def test_ninth_fresh_group_is_declared():
    fresh9 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh9"]
    assert len(fresh9) >= 8
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh9) >= 150


def test_tenth_and_eleventh_fresh_groups_are_declared():
    for split, documents, headings in (("fresh10", 7, 180), ("fresh11", 9, 210)):
        docs = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == split]
        assert len(docs) >= documents, split
        assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in docs) >= headings


def test_twelfth_fresh_group_is_declared():
    fresh12 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh12"]
    assert len(fresh12) >= 14
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh12) >= 300


def test_thirteenth_fresh_group_is_declared():
    fresh13 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh13"]
    assert len(fresh13) >= 10
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh13) >= 140


def test_fourteenth_fresh_group_is_declared():
    fresh14 = [doc for doc, _gold in corpus_documents(DEFAULT_CORPUS) if split_of(doc.name.split(".")[0]) == "fresh14"]
    assert len(fresh14) >= 12
    assert sum(len(load_gold(DEFAULT_CORPUS / f"{doc.name.split('.')[0]}.gold.tsv")) for doc in fresh14) >= 250


def test_split_keeps_variants_with_their_source():
    for doc, gold in corpus_documents(DEFAULT_CORPUS):
        doc_id = doc.name.split(".")[0]
        assert split_of(doc_id) == split_of(group_of(doc_id))
        # An empty gold must say so: a document with no structure at all is a precision check.
        assert load_gold(gold) or gold.read_text(encoding="utf-8").startswith("#"), gold.name


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_corpus_score_does_not_drop(scored, split):
    _docs, totals = scored
    f1, level, title = FLOORS[split]
    t = totals[split]
    assert t.documents > 0
    assert t.f1 >= f1, f"{split} F1 {t.f1:.3f} fell below {f1}"
    assert t.level_accuracy >= level, f"{split} level accuracy {t.level_accuracy:.3f} fell below {level}"
    assert t.title_exact >= title, f"{split} exact titles {t.title_exact:.3f} fell below {title}"
