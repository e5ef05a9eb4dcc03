"""总览 — the overview page, the first page: what is due, what is at risk, how the month stands.

Tiles (``tiles.Tile``: big number, caption, state in words and colour) for today's inspections,
open incidents by severity and by age, SLAs at risk (≥ 75 % of the target used) and breached,
and this month's KPIs so far against their targets; below them what is due
(``due.DueTree``) and the 12-month trend (``trend.TrendView``).  Figures come from
``app.services.queries.overview`` and are computed off the GUI thread (``app.ui.tasks``): the
page paints its tiles as "Computing…" first and fills them when the figures arrive — the quick
half (inspections, incidents, SLA, what is due) at once and every 60 s, the heavy half (KPIs and
trend, from the report builder) after it.

Signals (wired by the main window; the page never calls its parents):
``openRequested(page_key, preset)`` — a tile was activated: show ``page_key`` and call its
``apply_filter(**preset)``; ``dueActivated(kind, entity_kind, entity_id)`` — an agenda item;
``figuresChanged(NowFigures)`` — fresh quick figures (the tray watches them); ``filled()`` — both
halves shown (start-up measurement, tests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.incident_age import AGE_BUCKETS
from app.ui.context import AppContext
from app.ui.lazy import lazy_module
from app.ui.look import text_look
from app.ui.pages.overview.tiles import Tile, TileRow, Tone, fmt_number
from app.ui.pages.overview.trend import TrendView
from app.ui.qt_ints import (
    ALIGN_CENTER,
    ELIDE_RIGHT,
    SCROLL_BAR_ALWAYS_OFF,
    USER_ROLE,
    WIDGET_WITH_CHILDREN_SHORTCUT,
)
from app.ui.tasks import run_task

if TYPE_CHECKING:
    from app.services.queries import overview as ov
    from app.ui.pages.overview.due import DueTree
else:  # imported by the first computation (a worker), after the window has painted
    ov = lazy_module("app.services.queries.overview")

# What formats the figures is imported when the first figures arrive, after the window has
# painted; so is ``PySide6.QtCore.Qt`` (see ``app.ui.qt_ints``).

REFRESH_MS = 60_000
#: KPI tiles per row before they wrap (the 7-tile top rows' width at the default window size)
KPI_COLUMNS = 7
OPEN = "__open__"


def _age_caption(code: str) -> str:
    return {
        "lt_1d": QCoreApplication.translate("OverviewPage", "Open < 1 day"),
        "1_3d": QCoreApplication.translate("OverviewPage", "Open 1–3 days"),
        "3_7d": QCoreApplication.translate("OverviewPage", "Open 3–7 days"),
        "gt_7d": QCoreApplication.translate("OverviewPage", "Open > 7 days"),
    }.get(code, code)


class OverviewPage(QWidget):
    """The overview of the current contract (see module doc)."""

    openRequested = Signal(str, dict)
    dueActivated = Signal(str, str, object)
    figuresChanged = Signal(object)
    filled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now_figures: ov.NowFigures | None = None
        self.month_figures: ov.MonthFigures | None = None
        self._gen = 0
        self._started = False
        self._ages: dict[str, ov.AgeCount] = {}
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh_now)
        f5 = QShortcut(QKeySequence("F5"), self)
        f5.setProperty("context", WIDGET_WITH_CHILDREN_SHORTCUT)
        f5.activated.connect(self.refresh)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.title = QLabel(self.tr("Overview"))
        text_look(self.title, point_size=16, bold=True)
        self.stamp = QLabel()
        text_look(self.stamp, colour="#555555")
        self.message = QLabel()
        text_look(self.message, colour="#a31515")
        self.message.setWordWrap(True)
        self.message.hide()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.stamp, 1)
        head.addWidget(self.refresh_button)

        self._build_rows()
        self.setLayout(self._layout(head))

    def _build_rows(self) -> None:
        self.inspections = TileRow(self.tr("Today's inspections"))
        for key, caption, counted in (("insp_todo", self.tr("To do now"), ("due", "in_progress")),
                                      ("insp_overdue", self.tr("Overdue"), ("overdue",)),
                                      ("insp_done", self.tr("Done today"), ("done",))):
            # Today lists every status of the day; ``statuses`` names the rows the tile counts
            # (applied by a Today page that offers ``apply_filter``)
            self.inspections.add(caption, key).activated.connect(
                lambda c=counted: self.openRequested.emit("today", {"statuses": c}))
        self.sla = TileRow(self.tr("SLA watch (live)"))
        for key, state, caption in (("sla_risk", "at_risk", self.tr("At risk (≥ 75 % used)")),
                                    ("sla_breached", "breached", self.tr("Breached"))):
            self.sla.add(caption, key).activated.connect(
                lambda s=state: self.openRequested.emit("incidents", {"status": OPEN, "sla": s}))
        self.sla_list = QListWidget()
        self.sla_list.setObjectName("slaList")
        self.sla_list.setMaximumHeight(76)
        self.sla_list.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.sla_list.setProperty("textElideMode", ELIDE_RIGHT)
        self.sla_list.hide()
        self.sla_list.itemActivated.connect(self._sla_item)
        self.incidents = TileRow(self.tr("Open incidents"))
        self.ages = TileRow(self.tr("Open incidents by age"))
        for code, _lo, _hi in AGE_BUCKETS:
            tile = self.ages.add(_age_caption(code), f"age_{code}")
            tile.activated.connect(lambda c=code: self._open_age(c))
        self.kpis = TileRow(self.tr("This month's KPIs so far"), columns=KPI_COLUMNS)
        # what is due: "Computing…" until the first figures, then the tree (``due``), which is
        # built then — a tree view and its header are a tenth of building the first frame
        self._due_tree: DueTree | None = None
        self._due_box = QWidget()
        self._due_box.setMinimumHeight(160)  # the tree's height: nothing moves when it comes
        self._due_stack = QStackedLayout(self._due_box)
        self._due_stack.setContentsMargins(0, 0, 0, 0)
        pending = QLabel(QCoreApplication.translate("Tile", "Computing…"))
        pending.setProperty("alignment", ALIGN_CENTER)  # painted at start: app.ui.qt_ints
        text_look(pending, colour="#777777")
        self._due_stack.addWidget(pending)
        self.trend = TrendView()

    def _layout(self, head: QHBoxLayout) -> QVBoxLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addWidget(self.inspections, 0, 0)
        grid.addWidget(self.sla, 0, 1)
        grid.addWidget(self.incidents, 1, 0)
        grid.addWidget(self.ages, 1, 1)
        grid.addWidget(self.kpis, 2, 0, 1, 2)
        left = QVBoxLayout()
        due_title = QLabel(self.tr("Everything due"))
        text_look(due_title, point_size=12, bold=True)
        left.addWidget(self.sla_list)
        left.addWidget(due_title)
        left.addWidget(self._due_box, 1)
        grid.addLayout(left, 3, 0)
        grid.addWidget(self.trend, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(head)
        inner.addWidget(self.message)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        lay = QVBoxLayout()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        return lay

    @property
    def due(self) -> DueTree:
        """The tree of what is due (built on first use: when the first figures arrive)."""
        if self._due_tree is None:
            from app.ui.pages.overview.due import DueTree  # noqa: PLC0415 - see _build_rows

            tree = DueTree()
            tree.dueActivated.connect(self.dueActivated)
            self._due_stack.addWidget(tree)
            self._due_stack.setCurrentWidget(tree)
            self._due_tree = tree
        return self._due_tree

    def tile(self, key: str) -> Tile | None:
        """The tile named ``key`` (``insp_todo``, ``sev_P1``, ``age_gt_7d``, ``sla_risk``,
        ``kpi_<code>`` …) or ``None``."""
        for row in (self.inspections, self.sla, self.incidents, self.ages, self.kpis):
            found = row.tile(key)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------------ loading
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """First show: start computing once the window has painted (next event-loop turn)."""
        super().showEvent(event)
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self.refresh)
            self.timer.start()

    def is_filled(self) -> bool:
        """True once both halves of the current figures are shown."""
        return self.now_figures is not None and self.month_figures is not None

    def refresh(self) -> None:
        """Recompute every figure off the GUI thread (the shown ones stay until replaced)."""
        self._started = True
        self._gen += 1
        self.month_figures = None
        self._run_now(self._gen)

    @Slot()
    def refresh_now(self) -> None:
        """Recompute the quick half only (the 60 s timer: SLA clocks move, slots fall due)."""
        self._run_now(self._gen, then_month=False)

    def _run_now(self, gen: int, then_month: bool = True) -> None:
        cid, db = self.ctx.contract_id, self.ctx.db
        if db is None:  # painted before the ledger opened (app.ui.main): it refreshes the page then
            return
        from app.core.timeutil import local_today, utcnow  # noqa: PLC0415 - see the imports

        self.stamp.setText(local_today().isoformat())
        if cid is None:
            self.message.setText(self.tr("No contract loaded."))
            self.message.show()
            for row in (self.inspections, self.sla, self.incidents, self.ages, self.kpis):
                for tile in row.tiles:
                    tile.set_value("—", self.tr("No contract loaded."), Tone.PENDING)
            return
        today, now = local_today(), utcnow()
        run_task(lambda _p: ov.now_figures(db, cid, today, now),
                 lambda figs: self._now_done(gen, cid, figs, then_month), self._failed)

    def _current(self, gen: int, cid: Any) -> bool:
        """The result of task ``gen`` for ``cid`` is still wanted (and the page still exists)."""
        return shiboken6.isValid(self) and gen == self._gen and cid == self.ctx.contract_id

    def _now_done(self, gen: int, cid: Any, figs: ov.NowFigures, then_month: bool) -> None:
        if not self._current(gen, cid):
            return
        self.message.hide()
        self.now_figures = figs
        self._show_now(figs)
        self.figuresChanged.emit(figs)
        if then_month:
            db, today, now = self.ctx.db, figs.today, figs.now
            run_task(lambda _p: ov.month_figures(db, cid, today, now),
                     lambda m: self._month_done(gen, cid, m), self._failed)

    def _month_done(self, gen: int, cid: Any, month: ov.MonthFigures | None) -> None:
        if not self._current(gen, cid) or month is None:
            return
        self.month_figures = month
        self._show_month(month)
        self.filled.emit()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.message.setText(self.tr("The overview could not be computed: %1").replace("%1", str(exc)))
        self.message.show()
        self.trend.show_pending(str(exc))

    # ------------------------------------------------------------------ showing
    def _show_now(self, f: ov.NowFigures) -> None:
        from app.core.timeutil import fmt_local  # noqa: PLC0415 - see the imports

        for row in (self.inspections, self.sla, self.incidents, self.ages):
            row.align_top()
        self.stamp.setText(self.tr("%1 · updated %2").replace("%1", f.today.isoformat())
                           .replace("%2", fmt_local(f.now, "%H:%M")))
        ins = f.inspections
        todo = ins.count("due") + ins.count("in_progress")
        self._count(self.inspections.tiles[0], todo, Tone.WARN,
                    self.tr("%1 due · %2 in progress").replace("%1", str(ins.count("due")))
                    .replace("%2", str(ins.count("in_progress"))) if todo else self.tr("Nothing waiting"))
        self._count(self.inspections.tiles[1], ins.count("overdue"), Tone.BAD,
                    self.tr("Do these first") if ins.count("overdue") else self.tr("None overdue"))
        self.inspections.tiles[2].set_value(str(ins.count("done")), self.tr("%1 upcoming later today")
                                            .replace("%1", str(ins.count("upcoming"))), Tone.NEUTRAL)
        self._show_incidents(f.incidents)
        self._show_sla(f.sla)
        self.due.set_groups(f.due)

    def _count(self, tile: Tile, n: int, tone_if_any: Tone, state: str, tooltip: str = "") -> None:
        tile.set_value(str(n), state, tone_if_any if n else Tone.OK, tooltip)

    def _show_incidents(self, inc: ov.IncidentCounts) -> None:
        keys = ["inc_open", *(f"sev_{s.code}" for s in inc.by_severity)]
        if [t.key for t in self.incidents.tiles] != keys:
            self.incidents.clear()
            self.incidents.add(self.tr("All open"), "inc_open").activated.connect(
                lambda: self.openRequested.emit("incidents", {"status": OPEN}))
            for s in inc.by_severity:
                tile = self.incidents.add(self.tr("Open %1").replace("%1", s.code), f"sev_{s.code}")
                tile.activated.connect(lambda c=s.code: self.openRequested.emit(
                    "incidents", {"status": OPEN, "severity": c}))
        self._count(self.incidents.tiles[0], inc.open_total, Tone.WARN,
                    self.tr("Not closed yet") if inc.open_total else self.tr("None open"))
        for tile, s in zip(self.incidents.tiles[1:], inc.by_severity, strict=True):
            self._count(tile, s.count, Tone.BAD if s.major else Tone.WARN,
                        (self.tr("Major — act now") if s.major else self.tr("Open")) if s.count else self.tr("None open"),
                        s.name)
        self._ages = {a.code: a for a in inc.by_age}
        for tile, a in zip(self.ages.tiles, inc.by_age, strict=True):
            tone = Tone.BAD if a.code == "gt_7d" else Tone.WARN if a.code == "3_7d" else Tone.NEUTRAL
            tile.set_value(str(a.count), self.tr("Open") if a.count else self.tr("None"),
                           tone if a.count else Tone.OK)

    def _open_age(self, code: str) -> None:
        age = self._ages.get(code)
        if age is not None:
            self.openRequested.emit("incidents", {"status": OPEN, "occurred": (age.start, age.end)})

    def _show_sla(self, sla: ov.SlaFigures) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415 - see the imports

        from app.core.durations import format_minutes  # noqa: PLC0415
        self._count(self.sla.tiles[0], len(sla.at_risk), Tone.WARN,
                    self.tr("Act before the target") if sla.at_risk else self.tr("None at risk"))
        self._count(self.sla.tiles[1], len(sla.breached), Tone.BAD,
                    self.tr("Target exceeded") if sla.breached else self.tr("None breached"))
        self.sla_list.clear()
        for w in (*sla.breached, *sla.at_risk):
            clock = self.tr("response") if w.clock == "response" else self.tr("restore")
            left = format_minutes(w.remaining_minutes, w.working_day_minutes)
            state = (self.tr("over by %1") if w.remaining_minutes < 0 else self.tr("%1 left")).replace("%1", left)
            mark = self.tr("Breached") if w.state == "breached" else self.tr("At risk")
            item = QListWidgetItem(f"[{mark}] {w.number} {w.severity} · {clock} {w.used_pct:.0f} % · {state} · {w.title}")
            item.setToolTip(item.text())
            item.setData(USER_ROLE, w.number)
            item.setForeground(Qt.GlobalColor.darkRed if w.state == "breached" else Qt.GlobalColor.darkYellow)
            self.sla_list.addItem(item)
        if sla.not_computable:
            self.sla_list.addItem(self.tr("%1 incident(s): clocks cannot be computed (calendar missing)")
                                  .replace("%1", str(sla.not_computable)))
        self.sla_list.setVisible(self.sla_list.count() > 0)

    def _sla_item(self, item: QListWidgetItem) -> None:
        number = item.data(USER_ROLE)
        if number:
            self.openRequested.emit("incidents", {"text": number})

    def _show_month(self, m: ov.MonthFigures) -> None:
        from app.core.i18n import _  # noqa: PLC0415 - see the imports
        from app.core.kpi import fmt_in_unit, target_text  # noqa: PLC0415
        from app.reports.compose.labels import KPI_VERDICTS  # noqa: PLC0415

        self.kpis.title.setText(self.tr("KPIs %1 so far (to %2)").replace("%1", m.period.key)
                                .replace("%2", m.period.end.isoformat()))
        keys = [f"kpi_{k.code}" for k in m.kpis]
        if [t.key for t in self.kpis.tiles] != keys:
            self.kpis.clear()
            for k in m.kpis:
                tile = self.kpis.add(k.name, f"kpi_{k.code}")
                tile.activated.connect(lambda: self.openRequested.emit(
                    "reports", {"kind": "monthly", "period_key": self.month_figures.period.key
                                if self.month_figures else ""}))
        for tile, k in zip(self.kpis.tiles, m.kpis, strict=True):
            tone = {"met": Tone.OK, "missed": Tone.BAD}.get(k.verdict, Tone.PENDING)
            target = target_text(k.comparison, k.target, k.unit)
            state = self.tr("%1 · target %2").replace("%1", _(KPI_VERDICTS[k.verdict])).replace("%2", target)
            if k.actual is None:
                state += "\n" + self._reason(k.reason)
            number = fmt_in_unit(k.actual, k.unit) if k.actual is not None else fmt_number(None, 2)
            tile.set_value(number, state, tone)
        self.kpis.align_top()
        if not m.kpis:
            self.kpis.note.setText(self.tr("The contract profile names no KPI."))
        self.trend.set_points(m.trend)

    def _reason(self, reason: str) -> str:
        """Why a tile has no figure: the month's own words for three reasons, every other reason
        (``no_records``, ``period_running`` …) as the report words it (``labels.reason``)."""
        from app.reports.compose.labels import reason as report_reason  # noqa: PLC0415 - see the imports

        return {
            "no_data": self.tr("Nothing measured yet this month"),
            "not_computable": self.tr("A calendar year is not covered"),
            "before_start": self.tr("Before the start of use"),
        }.get(reason) or _sentence(report_reason(reason))


def _sentence(text: str) -> str:
    """``text`` as a tile's line of its own: the first letter upper-case (the report words a
    reason to follow a colon: "nothing was recorded in the period"); Chinese is unchanged."""
    return text[:1].upper() + text[1:]
