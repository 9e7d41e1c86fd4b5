"""Time and peak memory of read_file on 20 MB hostile inputs, one fresh process per case.

Not a test (tests assert behaviour, never speed): run it by hand to refresh the figures.
    PYTHONPATH=. python tests/data/measure_hostile.py . /tmp/hostile [case …]
Each case's file is generated into OUTDIR once; a 3 GB address-space cap and CASE_TIMEOUT
(seconds, default 600) keep a regression from taking the machine down.
"""
import json
import os
import random
import resource
import subprocess
import sys
import time

REPO, OUT = sys.argv[1], sys.argv[2]
sys.path.insert(0, REPO); sys.path.insert(0, REPO + "/tests/data")
MB = 2**20
LIMIT = 20 * MB - 4096
def fill(unit: bytes, size=LIMIT):
    return unit * (size // len(unit))
CN = "一是要加强基层组织建设，二是要提高服务群众的能力。全年增长5.2%。"
def cases():
    import bad_inputs
    return {
        "txt_utf8_one_line_20MB": lambda: fill(CN.encode()),
        "txt_gb18030_20MB": lambda: fill((CN + "\n").encode("gb18030")),
        "txt_big5_20MB": lambda: fill(("我們要堅持以人民為中心的發展思想，全年增長。\n").encode("big5")),
        "txt_shiftjis_20MB": lambda: fill("本日の会議では地域の安全について話し合いました。\n".encode("shift_jis")),
        "txt_latin1_20MB": lambda: fill("Le conseil a décidé à Genève.\n".encode("latin-1")),
        "txt_utf8_2byte_only_20MB": lambda: fill("жизнь и смерть ".encode()),
        "txt_zwj_flood_20MB": lambda: fill("\u200d".encode()),
        "txt_invisible_only_20MB": lambda: fill("\u200b\xa0\u3000".encode()),
        "txt_random_high_bytes_20MB": lambda: random.Random(1).randbytes(4 * MB).translate(bytes(0x80 | b for b in range(256))) * 5,
        "txt_utf16_nobom_20MB": lambda: fill((CN + "\n").encode("utf-16-le")),
        "txt_fffe_utf8_20MB": lambda: b"\xff\xfe" + fill((CN + "\n").encode()),
        "html_li_flood_20MB": lambda: b"<ol type=a start=2147483647>" + fill(b"<li>"),
        "html_unclosed_a_20MB": lambda: b"<p>x</p>" + fill(b"<a"),
        "html_unclosed_endtag_20MB": lambda: b"<p>x</p>" + fill(b"</"),
        "html_unclosed_comment_20MB": lambda: b"<p>x</p>" + fill(b"<!--x>"),
        "html_nested_ol_20MB": lambda: fill(b"<ol start=99999999999 type=A>") + b"<li>x",
        "html_div_flood_20MB": lambda: fill(b"<div>"),
        "html_97_bytes": lambda: bad_inputs.OL_LETTERS_HTML.encode(),
        "html_attribute_flood_20MB": lambda: b"<p " + fill(b"a ", LIMIT - 16) + "\u4e00>一</p>".encode(),
        "html_quoted_attribute_flood_20MB": lambda: b"<p " + fill(b'a=">" ', LIMIT - 16) + ">一</p>".encode(),
        "txt_utf8_then_gb18030_20MB": lambda: fill((CN + "\n").encode(), LIMIT // 2) + fill((CN + "\n").encode("gb18030"), LIMIT // 2),
        "docx_numbering_letters": lambda: bad_inputs._numbered_docx("%1" * 100_000, "lowerLetter", 2_000_000_000, 50),
        "docx_numbering_flood_default_style": lambda: bad_inputs._numbered_docx("%1" * 32, "decimal", 32767, 600_000, by_style=True),
        "docx_numbering_flood_refused": lambda: bad_inputs._numbered_docx("%1" * 32, "decimal", 32767, 640_000, by_style=True),
    }
def run_one(name):
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))  # a 'before' run must not eat the machine
    from annotator.io.readers import read_file
    path = os.path.join(OUT, name + (".html" if name.startswith("html") else ".docx" if name.startswith("docx") else ".txt"))
    if not os.path.exists(path):
        with open(path, "wb") as h: h.write(cases()[name]())
    size = os.path.getsize(path)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        r = read_file(path); outcome = f"imported {len(r.text):,} chars ({r.encoding}) {r.warnings[:1]}"
    except Exception as e:
        outcome = f"{type(e).__name__}: {getattr(e, 'reason', e)}"[:150]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"case": name, "bytes": size, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(rss), "outcome": outcome}, ensure_ascii=False), flush=True)
if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "--one":
        run_one(sys.argv[4]); sys.exit()
    names = sys.argv[3:] or list(cases())
    for n in names:
        try:
            subprocess.run([sys.executable, __file__, REPO, OUT, "--one", n], timeout=int(os.environ.get("CASE_TIMEOUT", "600")))
        except subprocess.TimeoutExpired:
            print(json.dumps({"case": n, "outcome": f"TIMEOUT {os.environ.get('CASE_TIMEOUT', '600')} s"}), flush=True)
