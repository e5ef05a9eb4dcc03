"""The main window's menu bar: 文件 / 视图 / 帮助.

* 文件 (File): export the inspection log (opens the 巡检 page's export box), export a report
  (opens 报表), 备份账本… / 恢复账本… (``app.ui.widgets.backup_dialog``), quit (Ctrl+Q; the
  window asks first when a page has unsaved edits);
* 视图 (View): every page with its shortcut Ctrl+1 … Ctrl+9 (总览 first);
* 帮助 (Help): keyboard shortcuts (F1), About (version and database path).

``build_menus(window)`` returns the ``Menus`` (actions by name, for tests and the shortcut list).
The page shortcuts are shown beside the navigation entries as well (``NavDelegate``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QPointF
from PySide6.QtGui import QAction, QFont, QKeySequence, QPainter, QTextDocument
from PySide6.QtWidgets import QMenu, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.ui.qt_ints import USER_ROLE

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.widgets.backup_dialog import BackupDialog

SHORTCUT_ROLE = USER_ROLE + 1


@dataclass
class Menus:
    """The menu bar's menus (``file``, ``view``, ``help``) and actions by name (``quit``,
    ``about``, ``shortcuts``, ``export_log``, ``export_report``, ``backup``, ``restore``,
    ``page_<key>``)."""

    actions: dict[str, QAction] = field(default_factory=dict)
    menus: dict[str, QMenu] = field(default_factory=dict)


class NavDelegate(QStyledItemDelegate):
    """Draws a navigation entry's shortcut (``SHORTCUT_ROLE``) right-aligned in grey.

    The shortcut is a small rich-text document (grey, right-aligned) rather than ``drawText`` with
    a grey pen: the navigation is painted in the first frame, and ``QPainter.setPen``'s overloads
    create PySide6's ``Qt`` namespace (app.ui.qt_ints)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[str, int, float], QTextDocument] = {}

    def _doc(self, keys: str, width: int, font: QFont) -> QTextDocument:
        """The grey, right-aligned text ``keys`` (a shortcut such as ``Ctrl+1``, no markup) laid out
        ``width`` px wide in ``font`` (cached)."""
        key = (keys, width, font.pointSizeF())
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDocumentMargin(0)
            doc.setDefaultFont(font)
            doc.setHtml(f'<p align="right" style="color: #888888;">{keys}</p>')
            doc.setTextWidth(width)
            self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        keys = index.data(SHORTCUT_ROLE)
        if keys:
            font = painter.font()
            font.setPointSizeF(max(font.pointSizeF() * 0.75, 7.0))
            rect = option.rect  # type: ignore[attr-defined]
            doc = self._doc(str(keys), rect.width() - 8, font)
            painter.save()
            painter.translate(QPointF(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2))
            doc.drawContents(painter)
            painter.restore()


def _action(win: MainWindow, menus: Menus, name: str, text: str, slot: object, keys: str = "") -> QAction:
    act = QAction(text, win)
    act.setObjectName(name)
    if keys:
        # WindowShortcut (the default context); ``setShortcuts``: ``setShortcut``'s overloads
        # create PySide6's ``Qt`` namespace, which the first frame does without (app.ui.qt_ints)
        act.setShortcuts([QKeySequence(keys)])
    act.triggered.connect(slot)
    menus.actions[name] = act
    return act


def page_shortcut(n: int) -> str:
    """The shortcut of the ``n``-th navigation page (1-based): Ctrl+1 … Ctrl+9, none after."""
    return f"Ctrl+{n}" if n <= 9 else ""


def shortcut_rows(win: MainWindow) -> list[tuple[str, str]]:
    """(key, action) rows of the shortcuts list: pages, window, Today and the runner."""
    rows = [(page_shortcut(n), win.title(key)) for n, key in enumerate(win.page_keys(), 1) if page_shortcut(n)]
    rows += [
        ("Ctrl+Q", QCoreApplication.translate("Menus", "Quit")),
        ("F1", QCoreApplication.translate("Menus", "Keyboard shortcuts")),
        (QCoreApplication.translate("Menus", "Enter"), QCoreApplication.translate("Menus", "Today: start or resume the selected inspection")),
        ("1 / N", QCoreApplication.translate("Menus", "Runner: normal")),
        ("2 / A", QCoreApplication.translate("Menus", "Runner: abnormal")),
        ("3 / X", QCoreApplication.translate("Menus", "Runner: not applicable")),
        (QCoreApplication.translate("Menus", "number + Enter"), QCoreApplication.translate("Menus", "Runner: save a reading")),
        ("Tab", QCoreApplication.translate("Menus", "Runner: note of the current item")),
        ("↑ / ↓", QCoreApplication.translate("Menus", "Runner: previous / next item")),
        ("Ctrl+I", QCoreApplication.translate("Menus", "Runner: create an incident from the abnormal item")),
        ("Ctrl+Enter", QCoreApplication.translate("Menus", "Runner: finish the inspection")),
        ("Esc", QCoreApplication.translate("Menus", "Runner: back to Today (the inspection stays open)")),
    ]
    return rows


def build_menus(win: MainWindow, *, actions: bool = True) -> Menus:
    """Create the menu bar of ``win`` (文件 / 视图 / 帮助) and the visible page shortcuts; with
    ``actions`` also every menu entry (:func:`add_actions`).  Returns the ``Menus``."""
    menus = Menus()
    bar = win.menuBar()
    menus.menus["file"] = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    menus.menus["view"] = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    menus.menus["help"] = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    win.nav.setItemDelegate(NavDelegate(win.nav))
    for n in range(win.nav.count()):
        win.nav.item(n).setData(SHORTCUT_ROLE, page_shortcut(n + 1))
    if actions:
        add_actions(win, menus)
    return menus


def add_actions(win: MainWindow, menus: Menus) -> None:
    """Fill the menus of :func:`build_menus` with their entries and shortcuts (once).  The window
    painted at start adds them right after its first paint (``MainWindow.finish_start``), before
    the event loop handles any input: creating a ``QAction`` loads ``QIcon`` and its 151-member
    theme-icon enum, which the first frame does not show."""
    if menus.actions:
        return
    file_menu, view_menu, help_menu = menus.menus["file"], menus.menus["view"], menus.menus["help"]
    file_menu.addAction(_action(win, menus, "export_log", QCoreApplication.translate("Menus", "Export inspection log…"), lambda: open_log_export(win)))
    file_menu.addAction(_action(win, menus, "export_report", QCoreApplication.translate("Menus", "Export report…"), lambda: win.show_page("reports")))
    file_menu.addAction(_action(win, menus, "import_assets", QCoreApplication.translate("Menus", "Import assets…"), lambda: win.show_page("assets").register.open_import()))  # type: ignore[attr-defined]  # noqa: PLW0108
    file_menu.addSeparator()
    file_menu.addAction(_action(win, menus, "backup", QCoreApplication.translate("Menus", "Back up the ledger…"),
                                lambda: open_backup_dialog(win)))
    file_menu.addAction(_action(win, menus, "restore", QCoreApplication.translate("Menus", "Restore the ledger…"),
                                lambda: open_backup_dialog(win, restore=True)))
    file_menu.addAction(_action(win, menus, "contract_profile", QCoreApplication.translate("Menus", "Contract profile…"), lambda: win.show_page("contract")))
    file_menu.addSeparator()
    file_menu.addAction(_action(win, menus, "quit", QCoreApplication.translate("Menus", "Quit"), win.close, "Ctrl+Q"))
    for n, key in enumerate(win.page_keys(), 1):
        view_menu.addAction(_action(win, menus, f"page_{key}", win.title(key),
                                    lambda _=False, k=key: win.show_page(k), page_shortcut(n)))
    help_menu.addAction(_action(win, menus, "shortcuts", QCoreApplication.translate("Menus", "Keyboard shortcuts"),
                                lambda: _help_dialog("ShortcutsDialog", shortcut_rows(win), win), "F1"))
    help_menu.addAction(_action(win, menus, "about", QCoreApplication.translate("Menus", "About OpsLedger"),
                                lambda: _help_dialog("AboutDialog", win.database_text(), win)))


def _help_dialog(name: str, *args: object) -> None:
    """Show ``app.ui.help_dialogs.<name>(*args)`` modally (imported when first asked for)."""
    from app.ui import help_dialogs

    getattr(help_dialogs, name)(*args).exec()


def open_backup_dialog(win: MainWindow, *, restore: bool = False) -> BackupDialog:
    """Open 备份账本… (window-modal, not blocking); with ``restore`` the file picker of 恢复账本…
    opens at once.  Returns the dialog."""
    from PySide6.QtCore import Qt, QTimer

    from app.ui.widgets.backup_dialog import BackupDialog

    dlg = BackupDialog(win.ctx, win)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    if restore:
        QTimer.singleShot(0, dlg.choose_restore)
    win._backup_dialog = dlg  # type: ignore[attr-defined]  # for tests and the screenshot
    return dlg


def open_log_export(win: MainWindow) -> None:
    """Show the 巡检 page with its inspection-log export box in view and focused."""
    page = win.show_page("inspections")
    box = getattr(page, "log_export", None)
    if box is not None:
        box.export_button.setFocus()
