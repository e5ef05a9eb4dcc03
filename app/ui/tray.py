"""The tray icon: a notification when an inspection slot falls due or an SLA clock reaches 75 %.

Only where the desktop has a system tray (``QSystemTrayIcon.isSystemTrayAvailable()``); the
setting ``tray_notifications`` (``app.settings``, Settings page) turns it off.  The tray watches
the overview's quick figures (``OverviewPage.figuresChanged``, every 60 s) and notifies each
thing once: a slot once when it is due (key ``template|date|slot``), an incident once per
threshold (75 % of a target used, then breached).  Several new things in one pass make one
message.  Clicking the icon or the message brings the window to the front on the overview.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from app import settings
from app.services.queries.overview import NowFigures

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SETTING = "tray_notifications"


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


class TrayNotifier(QObject):
    """Shows each new ``Notice`` once through ``show(title, text)`` (see module doc)."""

    def __init__(self, show: Callable[[str, str], None], parent: QObject | None = None,
                 enabled: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._enabled = enabled or (lambda: bool(settings.get(SETTING)))
        self.seen: set[tuple[str, ...]] = set()

    @Slot(object)
    def watch(self, figs: NowFigures) -> list[Notice]:
        """Notify the notices of ``figs`` not notified before; returns them (empty when the
        setting is off — they are not remembered then, so turning it on notifies them)."""
        if not self._enabled():
            return []
        new = [n for n in notices(figs) if n.key not in self.seen]
        if not new:
            return []
        self.seen.update(n.key for n in new)
        self.seen.update(k for n in new for k in n.also)
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
    notifier = TrayNotifier(show, window)
    notifier.icon = icon  # type: ignore[attr-defined]
    window.pages["overview"].figuresChanged.connect(notifier.watch)  # type: ignore[attr-defined]
    return notifier
