"""The shipped pipeline on sentences written for these tests, and `kg ner` / `kg evaluate`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy

from kg.nlp.layers import normalize_char
from kg.nlp.loading import MODEL_DIR, shipped_lexicon

SENTENCES = [
    ("国务院总理李强在北京会见了法国总统马克龙。", {("国务院", "ORG"), ("李强", "PERSON"), ("北京", "PLACE"), ("法国", "PLACE"), ("马克龙", "PERSON")}),
    ("中国工商银行股份有限公司今天在上海发布年报。", {("中国工商银行股份有限公司", "COMPANY"), ("上海", "PLACE")}),
    ("浙江大学的研究团队与杭州市人民医院合作开展临床试验。", {("浙江大学", "ORG"), ("杭州市人民医院", "ORG")}),
]


def ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_pipeline_finds_people_places_organizations_and_companies(nlp) -> None:
    for text, expected in SENTENCES:
        assert ents(nlp(text)) == expected, text


def test_company_and_organization_are_told_apart(nlp) -> None:
    doc = nlp("比亚迪股份有限公司向深圳市教育局捐赠了一批校车。")
    labels = dict(ents(doc))
    assert labels.get("比亚迪股份有限公司") == "COMPANY"
    assert labels.get("深圳市教育局") == "ORG"


def test_traditional_script_is_read_as_simplified_and_kept_as_written(nlp) -> None:
    # the training text is simplified; 陳, 區, 銀行 … would be unknown characters
    doc = nlp("中國銀行行長陳啟明昨日在臺北會見了高雄市長。")
    assert {("陳啟明", "PERSON"), ("臺北", "PLACE")} <= ents(doc)
    assert doc.text == "中國銀行行長陳啟明昨日在臺北會見了高雄市長。"
    # simplified text, and the characters both scripts write (乾隆, the surname 於), read as before
    assert [normalize_char(c) for c in "乾隆年间於立新在北京发表著作"] == list("乾隆年间於立新在北京发表著作")


def test_pipeline_is_an_ordinary_spacy_pipeline(nlp) -> None:
    assert nlp.pipe_names == ["kg_ner", "sentencizer"]
    assert set(nlp.get_pipe("kg_ner").labels) == {"PERSON", "ORG", "COMPANY", "PLACE"}
    again = spacy.load(MODEL_DIR)
    texts = [t for t, _ in SENTENCES] * 3
    single = [ents(d) for d in nlp.pipe(texts, batch_size=2)]
    assert [ents(d) for d in again.pipe(texts, batch_size=4, n_process=2)] == single
    assert len(list(nlp("第一句。第二句！").sents)) == 2


def test_the_pipeline_and_the_rules_share_one_lexicon(nlp) -> None:
    # the rules' lookups (common words, places) and the pipeline's features read one copy:
    # 385,000 entries read twice cost the build most of a second
    words = shipped_lexicon()
    assert nlp.get_pipe("kg_ner").lexicon is words
    assert words.common("建筑") and words.place("杭州") and not words.knows("的了吗")


def test_model_is_small_enough_to_ship() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 40 * 1024 * 1024


def kg(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], input=stdin, capture_output=True, text=True)


def test_kg_ner_jsonl_and_text_lines() -> None:
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t, _ in SENTENCES[:2]]
    out = kg("ner", "-", stdin="\n".join(lines) + "\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(rows) == 2
    text = SENTENCES[0][0]
    assert {(text[s:e], lab) for s, e, lab in rows[0]["entities"]} == SENTENCES[0][1]
    plain = kg("ner", "--text", stdin=text + "\n\n")
    assert [json.loads(x)["entities"] for x in plain.stdout.splitlines()] == [rows[0]["entities"], []]


def test_kg_ner_reports_bad_lines_by_number_and_keeps_order() -> None:
    out = kg("ner", "-", stdin='{"text": "李强在北京。"}\nnot json\n{"title": "x"}\n\n')
    assert out.returncode == 0
    assert "<stdin>:2: not JSON" in out.stderr and '<stdin>:3: no "text" string' in out.stderr
    assert "<stdin>:4: empty line" in out.stderr and "Traceback" not in out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(rows) == 4 and rows[0]["entities"] and "error" in rows[1]


def test_kg_evaluate_prints_per_label_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = []
    for text, expected in SENTENCES:
        spans = [[text.index(s), text.index(s) + len(s), lab] for s, lab in expected]
        records.append(json.dumps({"text": text, "entities": spans}, ensure_ascii=False))
    gold.write_text("\n".join(records) + "\n", encoding="utf8")
    out = kg("evaluate", str(gold), "--json")
    assert out.returncode == 0, out.stderr
    table = json.loads(out.stdout)
    assert table["ALL"]["f"] == 1.0 and table["ALL"]["support"] == 9
    assert set(table) == {"PERSON", "PLACE", "ORG", "COMPANY", "ALL"}


def test_kg_evaluate_rejects_bad_gold_with_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "李强", "entities": [[0, 9, "PERSON"]]}\n{"text": "李强", "entities": [[0, 2, "PER"]]}\n', encoding="utf8")
    out = kg("evaluate", str(gold))
    assert out.returncode == 2
    assert "gold.jsonl:1: entity 0: offsets [0, 9] outside the text" in out.stderr
    assert "gold.jsonl:2: entity 0: unknown label 'PER'" in out.stderr
    assert "Traceback" not in out.stderr


def _widen(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    from kg.nlp.decode import whole_latin_words

    return [text[s:e] for s, e, _ in whole_latin_words(spans, text.__getitem__, len(text))]


def test_entities_are_not_cut_inside_latin_words_or_numbers() -> None:
    assert _widen("创意总监Eric表示", [(4, 7, "PERSON")]) == ["Eric"]
    assert _widen("球星ｍｅｓｓｉ进球", [(3, 7, "PERSON")]) == ["ｍｅｓｓｉ"]
    assert _widen("第12届会议", [(2, 3, "ORG")]) == ["12"]
    # letters next to digits stay apart: a stock name followed by its price
    assert _widen("深天地A14.51", [(0, 4, "COMPANY")]) == ["深天地A"]
    # never over a neighbouring entity
    assert _widen("ABCDEF", [(0, 2, "ORG"), (3, 5, "PERSON")]) == ["ABC", "DEF"]
    assert _widen("ABCD", [(0, 2, "ORG"), (2, 4, "PERSON")]) == ["AB", "CD"]


def _trim(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    from kg.nlp.decode import without_stray_punctuation

    return [text[s:e] for s, e, _ in without_stray_punctuation(spans, text.__getitem__, len(text))]


def test_entities_do_not_begin_or_end_with_stray_punctuation() -> None:
    assert _trim("据《新京报》报道", [(2, 6, "ORG")]) == ["新京报"]
    assert _trim("英特尔↓2%", [(0, 4, "COMPANY")]) == ["英特尔"]
    assert _trim("由“穆里尼奥”执教", [(1, 7, "PERSON")]) == ["“穆里尼奥”"]  # the quotes pair inside
    assert _trim("中国（香港）有限公司", [(0, 10, "COMPANY")]) == ["中国（香港）有限公司"]
    assert _trim("（香港", [(0, 3, "PLACE")]) == ["香港"]
    assert _trim("，。", [(0, 2, "ORG")]) == []
    tokens = ["新", "京", "报", "》", "\n\n", "讯"]  # a run of whitespace is one token
    from kg.nlp.decode import without_stray_punctuation

    assert without_stray_punctuation([(0, 5, "ORG")], tokens.__getitem__, len(tokens)) == [(0, 3, "ORG")]
    # an opened bracket the next character closes is taken in, unless the next entity starts there
    assert _trim("据英国《金融时报》报道", [(1, 8, "ORG")]) == ["英国《金融时报》"]
    assert _trim("英国《金融时报》", [(0, 7, "ORG"), (7, 8, "ORG")]) == ["英国《金融时报"]


def test_pipeline_names_end_on_name_ends(nlp) -> None:
    doc = nlp("据《纽约时报》报道，Johnson将于下月访问北京。")
    names = {e.text for e in doc.ents}
    assert "纽约时报" in names and "Johnson" in names
    assert not any(e.text[-1] in "》，。" or e.text[0] in "《，" for e in doc.ents)
