"""Bytes to text (BOM, declared charset, detection), binary and undecodable input, language."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sitrep.ingest import is_supported
from sitrep.ingest.decode import DecodeError, binary_kind, decode, detect_language
from tests.ingest.samples import ENGLISH, FRENCH, GERMAN, collect, page

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
UNICODE = "Kämpfer in Kunduz – “three killed”, said Ahmad Zia Saraj."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_decode_with_byte_order_mark(encoding: str) -> None:
    assert decode(UNICODE.encode(encoding)) == UNICODE


def test_decode_declared_charset_wins() -> None:
    html = page("Ünïcödé", ENGLISH, charset="iso-8859-1").encode("latin-1")
    assert "Ünïcödé" in decode(html)


def test_decode_detects_legacy_encoding() -> None:
    text = (FRENCH + " ") * 3
    assert decode(text.encode("cp1252")) == text


def test_decode_header_charset() -> None:
    assert decode(UNICODE.encode("utf-16-le"), declared="utf-16-le") == UNICODE


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + b"\x00\xd8" * 50,  # lone surrogates behind a UTF-16 mark
        codecs.BOM_UTF16_LE + b"\xfd\xff\xff\xfd" * 100,  # valid UTF-16, but only unassigned code points
    ],
)
def test_decode_rejects_garbage(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode(data)


def test_undecodable_file_fails(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(codecs.BOM_UTF16_LE + b"\xfd\xff\xff\xfd" * 100)
    articles, (fail,) = collect(tmp_path / "bad.txt")
    assert articles == []
    assert fail.code == "E104" and fail.kind == "error"
    assert "bad.txt" in fail.message and "UTF-8" in fail.message


def test_binary_kinds() -> None:
    assert binary_kind(PNG_HEADER) == "PNG image"
    assert binary_kind(b"%PDF-1.7\n") == "PDF document"
    assert binary_kind(b"some text\x00\x00more") == "NUL bytes"
    assert binary_kind("utf-16 text".encode("utf-16")) is None
    assert binary_kind(ENGLISH.encode()) is None


@pytest.mark.parametrize(
    ("name", "data", "what"), [("image.png", PNG_HEADER, "PNG"), ("x.txt", b"ab\x00cd" * 10, "NUL")]
)
def test_binary_file_fails(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    (tmp_path / name).write_bytes(data)
    articles, (fail,) = collect(tmp_path / name)
    assert articles == [] and fail.code == "E103" and what in fail.message and name in fail.message


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de")])
def test_language_detected(tmp_path: Path, text: str, lang: str) -> None:
    (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    (article,), _ = collect(tmp_path / f"{lang}.txt")
    assert article.language == lang
    assert article.language_confidence > 0.9
    assert is_supported(article) == (lang == "en")


def test_language_is_deterministic() -> None:
    mixed = ENGLISH[:60] + " " + FRENCH[:60]
    assert len({detect_language(mixed) for _ in range(5)}) == 1


def test_short_text_defaults_to_english_with_low_confidence() -> None:
    language, confidence = detect_language("Kabul, 12 May")
    assert language == "en" and confidence < 0.5
    assert detect_language("12 345 678 — 90 %")[1] < 0.5


def test_other_scripts_are_detected() -> None:
    spanish = "Combatientes atacaron el domingo un puesto de control de la policía en la provincia de Kunduz."
    russian = "Боевики в воскресенье напали на полицейский блокпост в провинции Кундуз, убив трёх полицейских."
    arabic = "هاجم مسلحون يوم الأحد نقطة تفتيش للشرطة في ولاية قندوز مما أسفر عن مقتل ثلاثة من رجال الشرطة."
    assert [detect_language(t)[0] for t in (spanish, russian, arabic)] == ["es", "ru", "ar"]
