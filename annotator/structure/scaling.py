"""Is the outline parser linear?  ``python -m annotator.structure.scaling`` times it on growing inputs.

Two shapes: ordinary line-structured text (a speech with headings, repeated) and one single line (a
flattened web page) holding many inline markers — the shape that was quadratic before.  For each it
prints characters per second at 1×, 2×, 4× … the base size and the ratio of the largest to the smallest
throughput: near 1 means linear, a ratio that halves with every doubling means quadratic.  Timing is
this script's business only; tests assert behaviour, never speed.
"""

from __future__ import annotations

import argparse
import time

from annotator.structure.outline import parse_outline

_PARAGRAPH = "各地区各部门要统一思想认识，压实工作责任，细化工作措施，确保各项任务落到实处、见到实效。"


def ordinary(chars: int) -> str:
    block = ("一、总体要求\n" + _PARAGRAPH * 3 + "\n（一）指导思想。" + _PARAGRAPH * 2 + "\n（二）工作目标。"
             + _PARAGRAPH * 2 + "\n1．坚持正确导向。" + _PARAGRAPH + "\n2．坚持需求引领。" + _PARAGRAPH
             + "\n二、主要任务\n" + _PARAGRAPH * 4 + "一是抓学习。二是抓落实。三是抓督查。\n")
    return (block * (chars // len(block) + 1))[:chars]


def one_line(chars: int, markers: int) -> str:
    """One line of ``chars`` characters holding about ``markers`` inline markers (一是…, （一）…, 1．…)."""
    kinds = ["一是", "二是", "三是", "（一）", "（二）", "1．", "2．", "第一，", "第二，", "首先，"]
    gap = max(1, chars // max(1, markers) - 3)
    filler = (_PARAGRAPH * (gap // len(_PARAGRAPH) + 1))[:gap]
    parts, size, k = [], 0, 0
    while size < chars:
        piece = kinds[k % len(kinds)] + filler
        parts.append(piece)
        size += len(piece)
        k += 1
    return "".join(parts)[:chars]


def rate(text: str) -> float:
    """Characters per CPU second (not wall clock, which on a shared machine measures the wait for a core)."""
    start = time.process_time()
    parse_outline(text)
    return len(text) / (time.process_time() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.structure.scaling", description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=1_250_000, help="characters of the smallest input")
    parser.add_argument("--steps", type=int, default=5, help="doublings (base × 2^(steps-1) at the end)")
    parser.add_argument("--markers-per-mb", type=int, default=5000, help="inline markers per million characters")
    parser.add_argument("--shape", choices=["ordinary", "one-line", "both"], default="both")
    args = parser.parse_args(argv)
    shapes = (("ordinary", ordinary), ("one line", lambda n: one_line(n, n * args.markers_per_mb // 1_000_000)))
    for name, make in shapes:
        if args.shape != "both" and name.replace(" ", "-") != args.shape:
            continue
        rates = []
        for step in range(args.steps):
            n = args.base * 2 ** step
            r = rate(make(n))
            rates.append(r)
            print(f"{name:<9} {n / 1e6:7.2f} M chars  {r / 1e6:6.2f} M chars/s", flush=True)
        print(f"{name:<9} throughput largest/smallest: {rates[-1] / rates[0]:.2f} (1.0 = linear)\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
