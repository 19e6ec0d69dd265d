"""Structure parsing scales linearly: N and 4N copies of one heading shape, time ratio.

Each shape is parsed at N and 4N units (CPU time, one process); a linear parser gives a
ratio near 4. The unit test (tests/unit/test_structure.py, work counted in executed lines)
holds the Python-level loops; this bench also catches C-level work (slices, regex scans
from the text start) that line counting cannot see.

    .venv/bin/python bench/bench_structure_scaling.py [N]     # default N = 25000
"""

from __future__ import annotations

import sys
import time

from kg.loaders.structure import parse_report
from kg.model import Text

SHAPES = {
    "numbered part": "一、工作回顾\n",
    "part + section + lead": "一、工作回顾\n（一）加快发展\n深化改革开放。全年完成任务，增长5%。\n",
    "missing numeral": "一、工作回顾\n（）加快发展\n全年完成任务，取得明显成效。\n",
    "year title line": "2031年工作回顾\n\n全年完成任务。\n\n",
    "one-line file": "一、工作回顾 过去的一年，我们完成任务。",
}


def cpu(text: str) -> float:
    t0 = time.process_time()
    parse_report(Text(source=text, text=text))
    return time.process_time() - t0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25000
    print(f"{'shape':24} {'N':>7} {'s(N)':>7} {'s(4N)':>7} {'ratio':>6}")
    for name, unit in SHAPES.items():
        small = cpu("各位代表：\n" + unit * n)
        large = cpu("各位代表：\n" + unit * (4 * n))
        print(f"{name:24} {n:7d} {small:7.2f} {large:7.2f} {large / small:6.2f}")


if __name__ == "__main__":
    main()
