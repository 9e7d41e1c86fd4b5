"""Peak memory (and time, for information) of reading or importing a big Label Studio file, in a fresh process.

Not a test (tests assert behaviour, never speed or size): run it by hand to refresh the figures.
    PYTHONPATH=. python tests/data/measure_label_files.py FILE.json read|import [PROJECT.db]
``read`` only iterates the reader (every task parsed, nothing stored); ``import`` is the whole
``import-labels`` path into a fresh project. Make FILE with ``python tests/data/bad_label_files.py FILE 500``.
"""
import os
import resource
import sys
import time


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    if mode == "read":
        from annotator.exchange.jsonread import json_array

        count = sum(1 for _ in json_array(path))
        outcome = f"{count} tasks read"
    else:
        from annotator.services.exchange import import_labels
        from annotator.storage import open_project

        target = sys.argv[3]
        if os.path.exists(target):
            os.unlink(target)
        with open_project(target, create=True) as project:
            report = import_labels(project, path, "labelstudio", annotator="甲")
        outcome = f"{report.imported} imported, {report.failed_count} failed, {report.spans_added} spans"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(path) / 2**20
    print(f"{mode} {size:.0f} MB: {outcome}; peak RSS {peak:.0f} MB; {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
