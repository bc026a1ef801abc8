"""kg's faster tokenizer, sentencizer and matrix products give what spaCy's and thinc's own give."""

from __future__ import annotations

import ctypes
import ctypes.util
import random

import numpy
import pytest
import spacy
from spacy.lang.zh import ChineseTokenizer
from spacy.pipeline import Sentencizer
from thinc.api import NumpyOps

from kg.nlp.ops import BlasOps, one_blas_thread
from kg.nlp.sentences import ArraySentencizer
from kg.nlp.tokenizer import CharTokenizer
from kg.nlp.train import SENT_PUNCT

NEWS = [
    "湖州市南浔区练市镇的一家丝绸厂今年扩建了厂房。厂长周建国说：“订单排到了明年三月！”",
    "  记者 王小明  通讯员 李四\n\n本报杭州11月3日讯 全省秋粮收购进入高峰……各地粮库敞开收购。",
    "第一段没有结束\n\n第二段接着写。 A股市场今天上涨了 2.5%。“真的吗？”他问。",
    "\u3000\u3000段首有全角空格。结尾有空格 ",
    "",
    " ",
    "。。！",
]


def _random_texts(n: int) -> list[str]:
    alphabet = list("中国银行长沙市人民政府 \n\t\u3000ab1。！？，、“”（）…;") + ["  ", "\n\n", " \n "]
    rng = random.Random(7)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("zh").vocab


def test_char_tokenizer_makes_spacys_tokens_and_spaces(vocab) -> None:
    theirs, ours = ChineseTokenizer(vocab), CharTokenizer(vocab)
    for text in NEWS + _random_texts(3000):
        expected = [(t.text, t.whitespace_) for t in theirs(text)]
        got = ours(text)
        assert [(t.text, t.whitespace_) for t in got] == expected, repr(text)
        assert got.text == text


def test_array_sentencizer_splits_as_spacys(vocab) -> None:
    tokenizer = CharTokenizer(vocab)
    theirs = Sentencizer(punct_chars=SENT_PUNCT)
    ours = ArraySentencizer(punct_chars=SENT_PUNCT)
    for text in NEWS + _random_texts(3000):
        a, b = theirs(tokenizer(text)), ours(tokenizer(text))
        assert [s.text for s in a.sents] == [s.text for s in b.sents], repr(text)
    doc = ours(tokenizer(NEWS[2]))
    # spaCy's rule: punctuation after a sentence end stays with it, an opening quote too
    assert [s.text for s in doc.sents] == ["第一段没有结束\n\n第二段接着写。", "A股市场今天上涨了 2.5%。“", "真的吗？”", "他问。"]


def test_array_sentencizer_keeps_sentence_starts_already_set(vocab) -> None:
    doc = CharTokenizer(vocab)("甲乙丙。丁戊")
    doc[1].is_sent_start = True
    ArraySentencizer(punct_chars=SENT_PUNCT)(doc)
    assert [s.text for s in doc.sents] == ["甲", "乙丙。", "丁戊"]


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_blas_gemm_equals_thincs(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((37, 19) if not trans1 else (19, 37)).astype("float32")
    y = rng.standard_normal((19, 23) if not trans2 else (23, 19)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    with one_blas_thread():
        got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
        out = numpy.zeros_like(expected)
        BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    numpy.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


def test_shipped_pipeline_uses_the_fast_paths(nlp) -> None:
    assert isinstance(nlp.tokenizer, CharTokenizer)
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)
    assert all(isinstance(node.ops, BlasOps) for node in nlp.get_pipe("kg_ner").model.walk())



class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def test_freed_scratch_memory_stays_for_the_next_batch(nlp) -> None:
    from kg.nlp.ops import keep_freed_memory

    if not keep_freed_memory():  # set when the pipeline was made; False off glibc
        pytest.skip("glibc's mallopt is not available here")
    try:
        mallinfo2 = ctypes.CDLL(ctypes.util.find_library("c")).mallinfo2
    except AttributeError:
        pytest.skip("glibc before 2.33 has no mallinfo2")
    mallinfo2.restype = _MallInfo2
    size = 64 << 20  # above glibc's largest dynamic mmap threshold (32 MB), like a batch's arrays
    a = numpy.ones(size, dtype=numpy.uint8)
    mapped = mallinfo2().hblkhd
    del a
    # the array came from the heap, not a fresh mapping, and its memory stays there when
    # freed: by default each such array was mapped afresh and faulted in again (9 s of 61 s)
    assert mapped < size
    assert mallinfo2().fordblks >= size


def test_registry_lookups_are_made_once_and_still_see_new_registrations(nlp, monkeypatch) -> None:
    import catalogue
    import srsly
    from srsly.msgpack import msgpack_encoders

    scans = []
    real = catalogue.Registry._get_entry_points
    monkeypatch.setattr(catalogue.Registry, "_get_entry_points", lambda self: scans.append(1) or real(self))
    doc = nlp("湘江集团董事长刘明在长沙表示，订单增长。")
    for _ in range(50):  # what n_process does with every Doc: msgpack out and back in
        srsly.msgpack_loads(srsly.msgpack_dumps(doc.to_bytes()))
    assert len(scans) <= 2  # the encoder and decoder registries once each, not 100 scans

    @msgpack_encoders("kg_test_encoder")
    def passthrough(chain=None):
        return chain

    try:
        assert "kg_test_encoder" in msgpack_encoders.get_all()
    finally:
        catalogue._remove((*msgpack_encoders.namespace, "kg_test_encoder"))
