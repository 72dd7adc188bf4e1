"""WCAG 2 contrast, computed rather than trusted."""

from __future__ import annotations


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an ``#RRGGBB`` colour."""
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #RRGGBB, got {hex_colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (none) to 21 (black on white). WCAG 1.4.6 asks 7 for text, 1.4.11 asks 3 for icons."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
