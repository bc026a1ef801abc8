"""``kg_ner``: a character tagger over BILUO tags that sets ``doc.ents``.

A softmax per character with constrained Viterbi decoding is several times faster
than spaCy's transition-based NER on character tokens, and the decoding keeps every
span well-formed and of one type. Its loss is the likelihood of the *set* of tags
a corpus allows, so ``ORG_ANY`` spans (MSRA and UNER ORG) accept ORG or COMPANY.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import numpy
import srsly
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Config, Model
from thinc.types import Floats2d

from kg.nlp.decode import biluo_spans, constrained_paths, whole_latin_words, without_stray_punctuation
from kg.nlp.labels import ALTERNATIVES, LABELS, biluo_tags
from kg.nlp.lexicon import Lexicon, read_shared
from kg.nlp.ops import keep_freed_memory, one_blas_thread, use_blas_ops
from kg.nlp.registries import cache_registry_lookups

DEFAULT_MODEL = """
[model]
@architectures = "spacy.Tagger.v2"
normalize = true

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "kg.CharEmbed.v1"
width = 128
char_width = 96
char_rows = 8000
bigram_width = 64
bigram_rows = 40000
lexicon_width = 16

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 128
window_size = 2
maxout_pieces = 2
depth = 4
"""


@registry.scorers("kg.ner_scorer.v1")
def make_ner_scorer() -> Callable[..., dict[str, Any]]:
    return score_ents


def _collapsed_ents(doc: Doc, attr: str) -> list[Span]:
    """Entities with COMPANY and ORG_ANY read as ORG: the corpora without the split."""
    return [
        Span(doc, e.start, e.end, label="ORG" if e.label_ in ("COMPANY", *ALTERNATIVES) else e.label_)
        for e in doc.ents
    ]


def score_ents(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    examples = list(examples)
    scores = Scorer.score_spans(examples, "ents", getter=_collapsed_ents, has_annotation=lambda d: True)
    per_type = Scorer.score_spans(examples, "ents", has_annotation=lambda d: True)
    scores["ents_per_type"] = per_type["ents_per_type"]
    return scores


@Language.factory(
    "kg_ner",
    assigns=["doc.ents"],
    default_config={
        "model": Config().from_str(DEFAULT_MODEL)["model"],
        "scorer": {"@scorers": "kg.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_kg_ner(nlp: Language, name: str, model: Model, scorer: Callable | None) -> "CharNER":
    return CharNER(nlp.vocab, model, name, scorer=scorer)


# The tagger's activations grow with the characters in a batch (64 articles of 1,000
# characters took 1.2 GB), so batches are cut to this size whatever batch_size nlp.pipe
# is given; the scores do not depend on how docs are batched.
MAX_BATCH_CHARS = 8_000


def _chunks(docs: list[Doc], size: int) -> Iterable[list[Doc]]:
    chunk: list[Doc] = []
    chars = 0
    for doc in docs:
        if chunk and chars + len(doc) > size:
            yield chunk
            chunk, chars = [], 0
        chunk.append(doc)
        chars += len(doc)
    if chunk:
        yield chunk


class CharNER(TrainablePipe):
    """Per-character BILUO tagger; see the module docstring."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "kg_ner", *, scorer: Callable | None = None) -> None:
        self.vocab = vocab
        use_blas_ops(model)
        keep_freed_memory()
        cache_registry_lookups()
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: dict[str, Any] = {"labels": list(LABELS)}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> list[str]:
        return biluo_tags(self.labels)

    @property
    def lexicon(self) -> Lexicon | None:
        return self.model.get_ref("tok2vec").get_ref("embed").get_ref("features").attrs["lexicon"]

    @lexicon.setter
    def lexicon(self, value: Lexicon) -> None:
        self.model.get_ref("tok2vec").get_ref("embed").get_ref("features").attrs["lexicon"] = value

    def add_label(self, label: str) -> int:
        if label in self.labels or label in ALTERNATIVES:
            return 0
        self.cfg["labels"].append(label)
        return 1

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        labels: list[str] | None = None,
        lexicon: str | None = None,
    ) -> None:
        if labels is not None:
            self.cfg["labels"] = list(labels)
        if lexicon:
            self.lexicon = Lexicon.read(lexicon)
        examples = list(get_examples())[:20]
        docs = [eg.predicted for eg in examples]
        n_tags = len(self.tags)
        Y = [numpy.zeros((len(d), n_tags), dtype="float32") for d in docs]
        self.model.initialize(X=docs, Y=[self.model.ops.asarray(y) for y in Y])

    def predict(self, docs: Iterable[Doc]) -> list[numpy.ndarray]:
        docs = list(docs)
        if not any(len(d) for d in docs):
            return [numpy.zeros((0,), dtype="int32") for _ in docs]
        scores = []
        with one_blas_thread():
            for chunk in _chunks(docs, MAX_BATCH_CHARS):
                scores.extend(self.model.ops.to_numpy(s) for s in self.model.predict(chunk))
        return constrained_paths(scores, self.tags)

    def set_annotations(self, docs: Iterable[Doc], paths: list[numpy.ndarray]) -> None:
        tags = self.tags
        for doc, path in zip(docs, paths):
            found = biluo_spans(path, tags)
            if found:  # whitespace at an entity's ends goes with the stray punctuation
                char = lambda i: doc[i].text  # noqa: E731
                found = without_stray_punctuation(whole_latin_words(found, char, len(doc)), char, len(doc))
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in found]

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, list[Floats2d]]:
        """Negative log of the probability mass on the tags each gold tag allows."""
        index = {t: i for i, t in enumerate(self.tags)}
        allowed_cache: dict[str | None, numpy.ndarray] = {}
        loss = 0.0
        grads = []
        for eg, probs in zip(examples, scores):
            p = self.model.ops.to_numpy(probs)
            gold = eg.get_aligned_ner()
            mask = numpy.stack([self._allowed(g, index, allowed_cache) for g in gold]) if gold else p > 2
            mass = (p * mask).sum(axis=1, keepdims=True)
            mass = numpy.maximum(mass, 1e-8)
            q = (p * mask) / mass
            loss += float(-numpy.log(mass).sum())
            grads.append(self.model.ops.asarray(p - q, dtype="float32"))
        return loss, grads

    def _allowed(self, gold: str | None, index: dict[str, int], cache: dict) -> numpy.ndarray:
        if gold in cache:
            return cache[gold]
        mask = numpy.zeros(len(index), dtype="float32")
        if gold is None or gold == "-":
            mask[:] = 1.0  # no annotation: no gradient
        elif gold == "O":
            mask[index["O"]] = 1.0
        else:
            prefix, label = gold.split("-", 1)
            for alt in ALTERNATIVES.get(label, (label,)):
                tag = f"{prefix}-{alt}"
                if tag in index:
                    mask[index[tag]] = 1.0
            if not mask.any():
                mask[index["O"]] = 1.0  # a label kg does not predict
        cache[gold] = mask
        return mask

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.lexicon is not None:
            self.lexicon.write(Path(path) / "lexicon.tsv.gz")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "CharNER":
        super().from_disk(path, exclude=exclude)
        lex = Path(path) / "lexicon.tsv.gz"
        if lex.exists():
            self.lexicon = read_shared(lex)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        data = {"pipe": super().to_bytes(exclude=exclude)}
        data["lexicon"] = self.lexicon.to_bytes() if self.lexicon is not None else b""
        return srsly.msgpack_dumps(data)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = tuple()) -> "CharNER":
        data = srsly.msgpack_loads(bytes_data)
        super().from_bytes(data["pipe"], exclude=exclude)
        if data["lexicon"]:
            self.lexicon = Lexicon.from_bytes(data["lexicon"])
        return self
