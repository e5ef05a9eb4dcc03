"""Age buckets of open incidents (总览 "open incidents by age"): a pure rule, no session, no Qt.

Kept apart from ``app.services.queries.overview`` (which counts the incidents per bucket) so the
overview page can lay out its tiles before the data layer is imported (issue #12 §1, §5).
"""

from __future__ import annotations

AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("lt_1d", 0, 1), ("1_3d", 1, 3), ("3_7d", 3, 7), ("gt_7d", 7, None))
"""Age buckets of open incidents by ``occurred_at``: (code, from days, to days or ``None``),
``from ≤ age < to`` (issue #12 §5)."""
