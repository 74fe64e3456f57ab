"""Signature: fields in order, the full and short renderings, parsing back, each stage's fields."""

from __future__ import annotations

import copy
import doctest
import json
import pickle

import pytest

import align.signature
from align.signature import Field, Signature

# A report signature as align check wrote it (split mode, no embedder): the contract to keep.
REPORT = (
    "mode:split|split:rules-v1|lang:en|data:0ffeeee7|cut:2000/1000;split:rules-v1|lang:uk|data:124356c7|"
    "cut:2000/1000;split:rules-v1|lang:ru|data:9029646f|cut:2000/1000|align.alignment:4|src:en|"
    "langs:en,uk,ru|beads:1-1,1-0,0-1,2-1,1-2,2-2,3-1,1-3|len:gale-church(flores)|lex:skeleton/knee0.5+idle1|"
    "figures:yes|names:yes|embed:none|band:10+widen50+tie1e-06+cap2000000|merge:orphan3.5|"
    "conf:logistic(flores)+mismatch-5.5<0.5|check:0.1.0|figures:v4|names:2|glossary:328@be25a302|"
    "data:geonames3.0.2+cldr2.19.0+words2.0.2|zipf:3.3/3.0/2.5|untranslated|minconf:0.5|score:v1"
)


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(align.signature).failed == 0


@pytest.mark.parametrize("text", [REPORT, "mode:aligned|align:lines|check:0.1.0|nofigures|nonames", "fake", ""])
def test_parse_gives_back_the_same_string_and_fields(text: str) -> None:
    sig = Signature.parse(text)
    assert str(sig) == text and sig == text and sig.full() == text
    again = Signature.of(*sig.fields)
    assert again == sig and again.fields == sig.fields


def test_fields_keep_order_flags_and_language_groups() -> None:
    sig = Signature.parse(REPORT)
    assert sig.fields[0] == Field("mode", "split")
    assert [f.value for f in sig.fields if f.key == "lang"] == ["en", "uk", "ru"]
    assert [f.sep for f in sig.fields if f.key == "split"] == ["|", ";", ";"]
    assert Field("untranslated", None) in sig.fields
    # The checker's fields come last and win, as in the short rendering.
    assert sig.get("figures") == "v4" and sig.get("untranslated") == "" and sig.get("nothing", "-") == "-"


def test_stages_split_the_fields_where_each_stage_starts() -> None:
    stages = Signature.parse(REPORT).stages()
    assert list(stages) == ["input", "segmenting", "alignment", "checking"]
    assert stages["segmenting"].startswith("split:rules-v1|lang:en") and stages["segmenting"].count(";") == 2
    assert stages["alignment"].get("figures") == "yes" and stages["checking"].get("figures") == "v4"
    assert "|".join(stages.values()) == REPORT
    # A translator's "check:on" is its own field, not the start of a checking stage.
    assert list(Signature("translate|model:m@1|en-uk|check:on").stages()) == ["translation"]


def test_short_rendering_is_bounded_and_tells_signatures_apart() -> None:
    sig = Signature.parse(REPORT)
    short = sig.short()
    assert short == ("v:0.1.0|mode:split|split:v1|aln:4|emb:none|fig:v4|names:2|gloss:328@be25a302|"
                     "minconf:0.5|score:v1|sig:" + sig.digest())
    other = Signature.parse(REPORT.replace("minconf:0.5", "minconf:0.6"))
    assert other.short() != short and len(other.short()) < 120
    long_one = Signature.of(*[(key, "x" * 40) for key in ("check", "mode", "split", "align.alignment", "embed",
                                                          "figures", "names", "glossary", "minconf", "score")])
    assert len(long_one.short()) < 120 and long_one.short().endswith(long_one.digest())
    assert Signature().short() == ""


def test_join_puts_stages_and_language_groups_together() -> None:
    groups = Signature.join([Signature.of(("split", "v1"), ("lang", "en")), "split:v1|lang:uk"], sep=";")
    joined = Signature.join([Signature.of(("mode", "split")), groups, "", Signature.of("untranslated")])
    assert joined == "mode:split|split:v1|lang:en;split:v1|lang:uk|untranslated"
    assert Signature.parse(str(joined)).fields == joined.fields


@pytest.mark.parametrize("bad", [("a|b", "1"), ("a", "1;2"), ("", "1"), ("a:b", "1")])
def test_a_field_that_could_not_be_read_back_is_refused(bad: tuple[str, str]) -> None:
    with pytest.raises(ValueError):
        Signature.of(bad)


def test_a_signature_survives_json_pickle_and_copy() -> None:
    sig = Signature.parse(REPORT)
    assert json.loads(json.dumps({"signature": sig}))["signature"] == REPORT
    for twin in (pickle.loads(pickle.dumps(sig)), copy.deepcopy(sig)):
        assert isinstance(twin, Signature) and twin.fields == sig.fields


def test_every_stage_contributes_signature_fields() -> None:
    from align.figures import figures_signature
    from align.names import names_signature
    from align.segmenting import splitter_signature

    split = splitter_signature("uk")
    assert isinstance(split, Signature) and split.get("split", "").startswith("rules-v") and split.get("lang") == "uk"
    assert figures_signature().get("figures", "").startswith("v")
    names = names_signature()
    assert [f.key for f in names.fields] == ["names", "glossary", "data", "zipf", "literal"]
