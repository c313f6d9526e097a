"""Checks on the bundled codebook template and the demo project sources."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATE_PATH = RESOURCES / "templates" / "usmca-evaluation.json"
DEMO_DIR = RESOURCES / "demo"
DEMO_PATH = DEMO_DIR / "demo.json"

LANGS = ("en", "es")
CODE_FIELDS = (
    "key",
    "parent",
    "group",
    "label",
    "codable",
    "colour",
    "name",
    "definition",
    "inclusion",
    "exclusion",
    "example",
)
TEXT_FIELDS = ("name", "definition", "inclusion", "exclusion", "example")
GROUP_KEYS = ("outcomes", "usmca", "projects", "themes")
ATTRIBUTE_KINDS = {"text", "number", "date", "bool", "choice"}
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
OUTCOME_RE = re.compile(r"^[1-5][a-f]$")
EXPECTED_OUTCOMES = {
    "1": "abcdef",
    "2": "abcd",
    "3": "abcd",
    "4": "abcd",
    "5": "abc",
}
PROJECT_LABELS = {
    "Cosecha Justa",
    "Sustentar",
    "AccioNNar",
    "VZF",
    "EQUAL",
    "Senderos",
    "FOH",
    "TECLAB",
    "CAMINOS",
    "ENLACE",
    "GEM",
    "MAP",
    "Auto Employers",
    "CALLE",
    "SGLLE",
    "SC1",
    "SC2",
    "SC3",
    "OBSERVAR",
}
USMCA_LABELS = {"P1", "P2", "P3", "P4", "P5", "P6", "OSH", "RRLM"}


def _load_json(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline=None) as handle:
        return handle.read()


def _is_bilingual(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS
    )


@pytest.fixture(scope="module")
def template() -> dict:
    return _load_json(TEMPLATE_PATH)


@pytest.fixture(scope="module")
def demo() -> dict:
    return _load_json(DEMO_PATH)


@pytest.fixture(scope="module")
def codes_by_label(template: dict) -> dict:
    return {code["label"]: code for code in template["codes"]}


@pytest.fixture(scope="module")
def attributes_by_key(template: dict) -> dict:
    return {attribute["key"]: attribute for attribute in template["attributes"]}


# ----------------------------------------------------------------------------- template


def test_template_header(template: dict) -> None:
    assert template["id"] == "usmca-evaluation"
    assert template["format"] == 1
    assert _is_bilingual(template["name"])
    assert _is_bilingual(template["description"])
    assert [group["key"] for group in template["groups"]] == list(GROUP_KEYS)
    for group in template["groups"]:
        assert _is_bilingual(group["name"]), group["key"]


def test_template_is_utf8_with_two_space_indent() -> None:
    raw = TEMPLATE_PATH.read_bytes()
    raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b'\n  "id": "usmca-evaluation"' in raw


def test_every_code_has_every_field(template: dict) -> None:
    for code in template["codes"]:
        missing = [field for field in CODE_FIELDS if field not in code]
        assert not missing, (code.get("key"), missing)
        assert isinstance(code["key"], str) and code["key"]
        assert isinstance(code["label"], str)
        assert isinstance(code["codable"], bool)
        assert code["group"] in GROUP_KEYS, code["key"]
        for field in TEXT_FIELDS:
            assert _is_bilingual(code[field]), (code["key"], field)


def test_keys_and_labels_are_unique(template: dict) -> None:
    keys = [code["key"] for code in template["codes"]]
    labels = [code["label"] for code in template["codes"]]
    assert len(keys) == len(set(keys))
    assert all(labels), "every code of this template has a label"
    assert len(labels) == len(set(labels))


def test_parents_come_before_children(template: dict) -> None:
    seen: dict[str, dict] = {}
    for code in template["codes"]:
        parent = code["parent"]
        if parent is not None:
            assert parent in seen, f"{code['key']} appears before its parent {parent}"
            assert seen[parent]["group"] == code["group"], code["key"]
        seen[code["key"]] = code


def test_names_have_no_slash_and_are_unique_among_siblings(template: dict) -> None:
    siblings: dict[tuple[object, str], set[str]] = {}
    for code in template["codes"]:
        for lang in LANGS:
            name = code["name"][lang]
            assert "/" not in name, (code["key"], lang, name)
            bucket = siblings.setdefault((code["parent"], lang), set())
            assert name not in bucket, (code["key"], lang, name)
            bucket.add(name)


def test_colours_are_hex(template: dict) -> None:
    for code in template["codes"]:
        assert COLOUR_RE.match(code["colour"]), (code["key"], code["colour"])


def test_outcome_domains_and_outcomes(template: dict) -> None:
    outcome_codes = [code for code in template["codes"] if code["group"] == "outcomes"]
    domains = [code for code in outcome_codes if code["parent"] is None]
    assert [code["label"] for code in domains] == list(EXPECTED_OUTCOMES)
    with_outcome = [code for code in template["codes"] if "outcome" in code]
    assert len(with_outcome) == 21
    expected = {
        domain + letter for domain, letters in EXPECTED_OUTCOMES.items() for letter in letters
    }
    assert {code["label"] for code in with_outcome} == expected
    for code in with_outcome:
        assert code["group"] == "outcomes"
        assert OUTCOME_RE.match(code["label"])
        assert code["parent"] == code["label"][0]
        outcome = code["outcome"]
        assert _is_bilingual(outcome["statement"]), code["label"]
        assert isinstance(outcome["period"], str) and outcome["period"].strip()
        assert isinstance(outcome["location"], str) and outcome["location"].strip()
    gap = next(code for code in with_outcome if code["label"] == "5c")
    assert "gap" in gap["definition"]["en"].lower()


def test_usmca_projects_and_themes(template: dict) -> None:
    by_group: dict[str, list[dict]] = {key: [] for key in GROUP_KEYS}
    for code in template["codes"]:
        by_group[code["group"]].append(code)
    assert {code["label"] for code in by_group["usmca"]} == USMCA_LABELS
    assert len(by_group["projects"]) == 19
    assert {code["label"] for code in by_group["projects"]} == PROJECT_LABELS
    assert len(by_group["themes"]) >= 5
    assert {"MSC", "SUS", "BAR", "LL"} <= {code["label"] for code in by_group["themes"]}


def test_attributes(template: dict, attributes_by_key: dict) -> None:
    expected_kinds = {
        "source_type": "choice",
        "state": "choice",
        "sector": "choice",
        "respondent_type": "choice",
        "gender": "choice",
        "language": "choice",
        "interview_date": "date",
        "ilab_project": "text",
    }
    assert len(attributes_by_key) == len(template["attributes"])
    assert {key: attr["kind"] for key, attr in attributes_by_key.items()} == expected_kinds
    expected_counts = {
        "source_type": 7,
        "state": 15,
        "sector": 8,
        "respondent_type": 8,
        "gender": 4,
        "language": 3,
    }
    for key, attribute in attributes_by_key.items():
        assert attribute["kind"] in ATTRIBUTE_KINDS
        assert attribute["scope"] == "document"
        assert _is_bilingual(attribute["name"]), key
        if attribute["kind"] == "choice":
            choices = attribute["choices"]
            assert len(choices) == expected_counts[key], key
            for choice in choices:
                assert _is_bilingual(choice), (key, choice)
            english = [choice["en"] for choice in choices]
            assert len(english) == len(set(english)), key
        else:
            assert not attribute.get("choices"), key


# ----------------------------------------------------------------------------- demo


def test_demo_header_and_coders(demo: dict) -> None:
    assert demo["format"] == 1
    assert _is_bilingual(demo["name"])
    assert demo["language"] in LANGS
    initials = [coder["initials"] for coder in demo["coders"]]
    assert initials == ["AR", "BC"]
    for coder in demo["coders"]:
        assert coder["name"]
        assert COLOUR_RE.match(coder["colour"])
        assert coder["role"] in {"lead", "coder"}


def test_demo_documents(demo: dict, attributes_by_key: dict) -> None:
    documents = demo["documents"]
    assert len(documents) == 12
    languages = [document["language"] for document in documents]
    assert languages.count("es") == 7
    assert languages.count("en") == 5
    files = [document["file"] for document in documents]
    assert len(files) == len(set(files))
    suffixes = {Path(file).suffix for file in files}
    assert {".txt", ".md", ".vtt"} <= suffixes
    for document in documents:
        path = DEMO_DIR / document["file"]
        assert path.is_file(), document["file"]
        text = _read_text(path)
        assert 1500 <= len(text) <= 3500, (document["file"], len(text))
        assert document["name"]
        for key, value in document["attributes"].items():
            assert key in attributes_by_key, (document["file"], key)
            attribute = attributes_by_key[key]
            if attribute["kind"] == "choice":
                english = {choice["en"] for choice in attribute["choices"]}
                assert value in english, (document["file"], key, value)
            elif attribute["kind"] == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
                date.fromisoformat(value)
            else:
                assert isinstance(value, str) and value


def test_demo_project_attribute_names_template_projects(demo: dict, codes_by_label: dict) -> None:
    for document in demo["documents"]:
        value = document["attributes"].get("ilab_project")
        if not value:
            continue
        for name in value.split("; "):
            assert name in codes_by_label, (document["file"], name)
            assert codes_by_label[name]["group"] == "projects"


def test_vtt_file_has_cues() -> None:
    vtt_files = list((DEMO_DIR / "transcripts").glob("*.vtt"))
    assert len(vtt_files) == 1
    text = _read_text(vtt_files[0])
    assert text.startswith("WEBVTT\n")
    assert re.search(r"^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$", text, re.M)


def test_demo_codings(demo: dict, codes_by_label: dict) -> None:
    documents = {document["file"] for document in demo["documents"]}
    initials = {coder["initials"] for coder in demo["coders"]}
    texts = {file: _read_text(DEMO_DIR / file) for file in documents}
    per_coder = {initial: 0 for initial in initials}
    for coding in demo["codings"]:
        file = coding["document"]
        assert file in documents, file
        label = coding["code"]
        assert label in codes_by_label, label
        assert codes_by_label[label]["codable"], label
        assert coding["coder"] in initials, coding["coder"]
        per_coder[coding["coder"]] += 1
        occurrence = coding["occurrence"]
        assert isinstance(occurrence, int) and occurrence >= 1
        quote = coding["quote"]
        assert quote and quote == quote.strip(), quote
        assert texts[file].count(quote) >= occurrence, (file, quote, occurrence)
        if file.endswith(".vtt"):
            assert "\n" not in quote and "-->" not in quote, quote
        assert coding["memo"] is None or isinstance(coding["memo"], str)
    assert all(count > 0 for count in per_coder.values()), per_coder
    groups_used = {codes_by_label[coding["code"]]["group"] for coding in demo["codings"]}
    assert groups_used == set(GROUP_KEYS)


def _quote_start(text: str, quote: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        assert start >= 0
    return start


def test_a_spanish_transcript_has_an_emoji_before_a_coded_quote(demo: dict) -> None:
    spanish = {document["file"] for document in demo["documents"] if document["language"] == "es"}
    found = []
    for coding in demo["codings"]:
        if coding["document"] not in spanish:
            continue
        text = _read_text(DEMO_DIR / coding["document"])
        start = _quote_start(text, coding["quote"], coding["occurrence"])
        if any(ord(char) > 0xFFFF for char in text[:start]):
            found.append((coding["document"], coding["coder"]))
    assert found
    assert {coder for _, coder in found} == {"AR", "BC"}
