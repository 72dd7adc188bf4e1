"""Pure rules in the domain: initials, PINs, text cleaning."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.pins import check_pin, hash_pin, verify_pin
from kiosk.domain.residents import initials_of
from kiosk.domain.text_rules import clean_text


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Margaret", "M"),
        ("Mr Patel", "P"),
        ("Mrs Kaur", "K"),
        ("Dr. Jane Okafor", "JO"),
        ("Mary Anne O'Brien", "MO"),
        ("Mr", "M"),  # a name that is only a title keeps it
        ("ਗੁਰਦੇਵ ਕੌਰ", "ਗਕ"),
        ("łucja", "Ł"),
        ("🙂 Rose", "R"),
    ],
)
def test_initials_leave_out_titles(name: str, initials: str) -> None:
    assert initials_of(name) == initials


@pytest.mark.parametrize("pin", ["", "123", "12345", "12a4", "١٢٣٤", "12 4", "０１２３"])
def test_a_pin_is_exactly_four_plain_digits(pin: str) -> None:
    with pytest.raises(ValidationError, match="four numbers"):
        check_pin(pin)


def test_pin_hashes_verify_and_differ_each_time() -> None:
    first, second = hash_pin("4719"), hash_pin("4719")
    assert first != second
    assert verify_pin("4719", first) and verify_pin("4719", second)
    assert not verify_pin("4718", first)


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1$2$3$bad$bad", "md5$x$y$z$a$b"])
def test_malformed_hashes_never_verify_and_never_raise(stored: str) -> None:
    assert verify_pin("4719", stored) is False


def test_clean_text_keeps_line_breaks_only_where_allowed() -> None:
    assert (
        clean_text("Line one\r\nLine two", field="f", max_length=50, required=True, multiline=True)
        == "Line one\nLine two"
    )
    with pytest.raises(ValidationError, match="hidden control character"):
        clean_text("Line one\nLine two", field="f", max_length=50, required=True)


def test_clean_text_normalises_to_one_form() -> None:
    decomposed = "Sia\u0302n"  # a + combining circumflex
    assert clean_text(decomposed, field="f", max_length=10, required=True) == "Siân"
