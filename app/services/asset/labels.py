"""Asset labels: a QR code of the asset code (segno) with code, name and the client's name,
printed to PDF (reportlab) on common A4 label sheets.

Layouts (``LAYOUTS``, sizes in millimetres): ``a4-3x8`` — 3 × 8 = 24 labels of 70 × 37 mm
(e.g. Avery 3474 / Herma 4453); ``a4-3x7`` — 3 × 7 = 21 labels of 63.5 × 38.1 mm (Avery L7160);
``a4-2x7`` — 2 × 7 = 14 labels of 99.1 × 38.1 mm (Avery L7163); ``a4-2x5`` — 2 × 5 = 10 labels of
100 × 55 mm (``app.services.asset.label_sheets``, which the page reads without loading
reportlab).  The QR code is
drawn as vector squares (sharp at any printer resolution); texts use the bundled Chinese font
(``app.reports.render.fonts``), cut to fit the label width.  ``skip`` leaves the first labels of a
partly used sheet empty.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from app.core.i18n import N_
from app.errors import ValidationError
from app.reports.render.fonts import atomic_output, register_fonts
from app.services.asset.label_sheets import LAYOUTS
from app.services.ledger import Ledger
from app.store.models import Asset, Contract


@dataclass(frozen=True)
class LabelData:
    """What one label shows."""

    code: str
    name: str
    owner_text: str


def label_data(ledger: Ledger, contract_id: uuid.UUID, asset_ids: Sequence[uuid.UUID] | None = None) -> list[LabelData]:
    """The labels of ``asset_ids`` (all the contract's assets, code order, when ``None``)."""
    with ledger.session() as s:
        contract = s.get(Contract, contract_id)
        client = contract.client if contract is not None else ""
        stmt = select(Asset.code, Asset.name).where(Asset.contract_id == contract_id).order_by(Asset.code)
        if asset_ids is not None:
            stmt = stmt.where(Asset.id.in_(list(asset_ids)))
        return [LabelData(code, name, client) for code, name in s.execute(stmt)]


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _qr(c: Canvas, code: str, x: float, y: float, side: float) -> None:
    qr = segno.make(code, error="m", micro=False)
    matrix = list(qr.matrix_iter(scale=1, border=0))
    n = len(matrix)
    cell = side / n
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for col, dark in enumerate(row):
            if dark:
                c.rect(x + col * cell, y + side - (r + 1) * cell, cell, cell, stroke=0, fill=1)


def write_labels(labels: Sequence[LabelData], out: Path, layout: str = "a4-3x8", skip: int = 0) -> int:
    """Write ``labels`` to the PDF ``out`` on sheets of ``layout``; returns the page count.
    ``ValidationError("format")`` for an unknown layout or nothing to print."""
    lay = LAYOUTS.get(layout)
    if lay is None:
        raise ValidationError("format", N_("unknown label sheet {value}; choose one of {choices}"), value=layout,
                              choices=sorted(LAYOUTS))
    if not labels:
        raise ValidationError("format", N_("no asset to print a label for"))
    font = register_fonts()
    _page_w, page_h = A4
    pages = 0
    with atomic_output(out) as tmp:
        c = Canvas(str(tmp), pagesize=A4)
        c.setTitle("OpsLedger asset labels")
        slots = [None] * max(0, skip) + list(labels)
        for start in range(0, len(slots), lay.per_page):
            pages += 1
            for i, item in enumerate(slots[start:start + lay.per_page]):
                if item is None:
                    continue
                col, row = i % lay.cols, i // lay.cols
                x = (lay.left_mm + col * (lay.width_mm + lay.gap_x_mm)) * mm
                top = page_h - (lay.top_mm + row * (lay.height_mm + lay.gap_y_mm)) * mm
                _draw(c, item, x, top - lay.height_mm * mm, lay.width_mm * mm, lay.height_mm * mm, font)
            c.showPage()
        c.save()
    return pages


def _draw(c: Canvas, item: LabelData, x: float, y: float, w: float, h: float, font: str) -> None:
    pad = 2.5 * mm
    side = h - 2 * pad
    _qr(c, item.code, x + pad, y + pad, side)
    tx = x + pad + side + 2 * mm
    width = x + w - pad - tx
    big = min(11.0, h / mm * 0.3)
    small = big * 0.75
    c.setFont(font, big)
    c.drawString(tx, y + h - pad - big, _fit(item.code, font, big, width))
    c.setFont(font, small)
    c.drawString(tx, y + h / 2 - small / 2, _fit(item.name, font, small, width))
    c.setFont(font, small * 0.9)
    c.drawString(tx, y + pad + 1, _fit(item.owner_text, font, small * 0.9, width))
