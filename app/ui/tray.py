"""The tray icon: a notification when an inspection slot falls due or an SLA clock reaches 75 %.

Only where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable()``); the
setting ``tray_notifications`` (``app.settings``, Settings page) turns it off.  The tray watches
the overview's quick figures (``OverviewPage.figuresChanged``, every 60 s) and notifies each
thing once: a slot once when it is due (key ``template|date|slot``), an incident once per
threshold (75 % of a target used, then breached) — also across restarts (``STORE_NAME`` in the
data folder).  Several new things in one pass make one message.  Clicking the icon or the message brings the window to the front on the overview.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from app import paths, settings
from app.core.timeutil import local_today
from app.services.queries.overview import NowFigures

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SETTING = "tray_notifications"
STORE_NAME = "tray-told.json"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """One thing to tell: its de-duplication ``key`` and the line shown."""

    key: tuple[str, ...]
    text: str
    also: tuple[tuple[str, ...], ...] = ()
    """Keys this notice makes moot (the 75 % of an incident first seen breached)."""


def notices(figs: NowFigures) -> list[Notice]:
    """Everything the figures say is worth a notification (new or not): due slots, and each
    incident whose SLA watch (``app.services.queries.sla_watch``, the overview's rule) is at
    75 % or breached.  Keys are per slot and per incident and threshold — ``("sla", id, "75")``
    and ``("sla", id, "100")`` — so an incident is told once at 75 % and once at its breach,
    whichever clock got there; one first seen breached is told the breach only (its 75 % key
    comes with it, ``also``)."""
    out = [Notice(("slot", key), QCoreApplication.translate("Tray", "Inspection due: %1 %2").replace("%1", name)
                  .replace("%2", label)) for key, label, name in figs.inspections.due_slots]
    for w in (*figs.sla.breached, *figs.sla.at_risk):
        clock = QCoreApplication.translate("Tray", "response") if w.clock == "response" else QCoreApplication.translate("Tray", "restore")
        risk = ("sla", str(w.incident_id), "75")
        if w.state == "breached":
            out.append(Notice(("sla", str(w.incident_id), "100"),
                              QCoreApplication.translate("Tray", "SLA %1 %2 breached").replace("%1", w.number)
                              .replace("%2", clock), also=(risk,)))
        else:
            out.append(Notice(risk, QCoreApplication.translate("Tray", "SLA %1 %2: %3 % of the target used")
                              .replace("%1", w.number).replace("%2", clock).replace("%3", f"{w.used_pct:.0f}")))
    return out


KEEP_DAYS = 30
"""How long a told key is remembered in the store (an incident open longer is told again then)."""


class TrayNotifier(QObject):
    """Shows each new ``Notice`` once through ``show(title, text)`` (see module doc).

    ``store``: a JSON file remembering what was told (key → local day first told, kept
    ``KEEP_DAYS``), so a restart does not tell it again; ``None`` keeps it in memory only.  An
    unreadable store is started afresh, a failed write only logged (the cost: a repeated notice).
    """

    def __init__(self, show: Callable[[str, str], None], parent: QObject | None = None,
                 enabled: Callable[[], bool] | None = None, store: Path | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._enabled = enabled or (lambda: bool(settings.get(SETTING)))
        self._store = store
        self._told: dict[tuple[str, ...], str] = self._load()
        self.seen: set[tuple[str, ...]] = set(self._told)

    def _load(self) -> dict[tuple[str, ...], str]:
        if self._store is None or not self._store.exists():
            return {}
        oldest = (local_today() - timedelta(days=KEEP_DAYS)).isoformat()
        try:
            rows = json.loads(self._store.read_text(encoding="utf-8")).get("told", [])
            return {tuple(r[:-1]): r[-1] for r in rows if isinstance(r, list) and len(r) >= 2 and r[-1] >= oldest}
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            log.warning("tray: ignoring unreadable %s (%s)", self._store, exc)
            return {}

    def _remember(self, keys: list[tuple[str, ...]]) -> None:
        self.seen.update(keys)
        if self._store is None:
            return
        today = local_today().isoformat()
        for k in keys:
            self._told.setdefault(k, today)
        try:
            self._store.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._store.with_suffix(".tmp")
            tmp.write_text(json.dumps({"version": 1, "told": [[*k, d] for k, d in self._told.items()]}),
                           encoding="utf-8")
            tmp.replace(self._store)
        except OSError as exc:
            log.warning("tray: could not remember what was told in %s (%s)", self._store, exc)

    @Slot(object)
    def watch(self, figs: NowFigures) -> list[Notice]:
        """Notify the notices of ``figs`` not notified before; returns them (empty when the
        setting is off — they are not remembered then, so turning it on notifies them)."""
        if not self._enabled():
            return []
        new = [n for n in notices(figs) if n.key not in self.seen]
        if not new:
            return []
        self._remember([k for n in new for k in (n.key, *n.also)])
        lines = [n.text for n in new[:6]]
        if len(new) > 6:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(new) - 6)))
        self._show(self.tr("OpsLedger"), "\n".join(lines))
        return new


def install_tray(window: MainWindow) -> TrayNotifier | None:
    """Put the icon in the tray and watch the overview; ``None`` where there is no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    style = QApplication.style()
    icon = QSystemTrayIcon(window.windowIcon() if not window.windowIcon().isNull()
                           else style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon), window)
    icon.setToolTip("运维台账 OpsLedger")

    def show(title: str, text: str) -> None:
        icon.setVisible(True)
        icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def front(*_: Any) -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        window.show_page("overview")

    icon.activated.connect(front)
    icon.messageClicked.connect(front)
    icon.setVisible(bool(settings.get(SETTING)))
    notifier = TrayNotifier(show, window, store=paths.data_dir() / STORE_NAME)
    notifier.icon = icon  # type: ignore[attr-defined]
    window.pages["overview"].figuresChanged.connect(notifier.watch)  # type: ignore[attr-defined]
    return notifier
