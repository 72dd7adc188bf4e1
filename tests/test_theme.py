"""The theme's numbers: contrast computed, targets and text from the screen's real size."""

from __future__ import annotations

import pytest

from kiosk.ui.colour import contrast_ratio
from kiosk.ui.theme import HIGH_CONTRAST, PALETTES, STANDARD, Metrics, Palette, sane_dpi


def text_pairs(p: Palette) -> dict[str, tuple[str, str]]:
    return {
        "text on page": (p.text, p.background),
        "text on card": (p.text, p.surface),
        "quiet text on page": (p.quiet_text, p.background),
        "quiet text on card": (p.quiet_text, p.surface),
        "button words": (p.button_text, p.button),
        "text on highlight": (p.text, p.highlight),
        "text on warning": (p.text, p.warning),
        "disabled words": (p.quiet_text, p.background),
    }


@pytest.mark.parametrize("palette", PALETTES.values(), ids=lambda p: p.name.value)
def test_every_text_colour_pair_is_at_least_7_to_1(palette: Palette) -> None:
    weak = {
        name: round(contrast_ratio(*pair), 2)
        for name, pair in text_pairs(palette).items()
        if contrast_ratio(*pair) < 7
    }
    assert weak == {}


@pytest.mark.parametrize("palette", PALETTES.values(), ids=lambda p: p.name.value)
def test_outlines_and_buttons_stand_out_at_least_3_to_1(palette: Palette) -> None:
    assert contrast_ratio(palette.border, palette.background) >= 3
    assert contrast_ratio(palette.button, palette.background) >= 3


def test_contrast_maths_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1)


def test_high_contrast_really_is_higher() -> None:
    assert contrast_ratio(HIGH_CONTRAST.text, HIGH_CONTRAST.background) > contrast_ratio(
        STANDARD.text, STANDARD.background
    )


@pytest.mark.parametrize("dpi", [72, 96, 160, 300])
def test_targets_are_16mm_and_never_under_44px(dpi: float) -> None:
    metrics = Metrics(dpi=dpi)
    assert metrics.min_target_px >= 44
    assert metrics.min_target_px / metrics.px_per_mm >= 16
    assert metrics.gap_px / metrics.px_per_mm >= 8


@pytest.mark.parametrize("reported", [0, 1, -5, 20000, float("nan")])
def test_nonsense_dpi_falls_back(reported: float) -> None:
    assert sane_dpi(reported) == 96.0


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_body_text_is_24px_at_100_and_grows_with_the_resident(scale: int) -> None:
    metrics = Metrics(text_scale=scale)
    assert metrics.body_px == round(24 * scale / 100)
    assert metrics.heading_px > metrics.body_px
    assert metrics.title_px > metrics.heading_px


def test_the_theme_names_fonts_that_are_really_shipped(qapp: object) -> None:
    from pathlib import Path

    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.theme import FONT_FAMILIES

    shipped = register_fonts(Path(__file__).resolve().parent.parent / "assets" / "fonts")
    assert set(FONT_FAMILIES) <= shipped


@pytest.mark.parametrize("palette", PALETTES.values(), ids=lambda p: p.name.value)
def test_pictures_stand_out_from_the_page(palette: Palette) -> None:
    """OpenMoji draws black outlines: they need a light ground to reach 3:1."""
    ground = palette.picture_backdrop or palette.background
    assert contrast_ratio("#000000", ground) >= 3
