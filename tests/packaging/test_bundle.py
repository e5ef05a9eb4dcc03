"""The PyInstaller bundle (``build.spec``) works as carried into an offline network: the CLI runs,
every report format renders (a frozen app finds its data files differently), and the windowed
executable starts.  Builds once per test session into a temporary folder (~1 minute)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return work / "dist" / "opsledger"


def _run(bundle: Path, home: Path, *args: str) -> str:
    env = dict(os.environ, OPSLEDGER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([str(bundle / "opsledger"), *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def test_bundle_cli_reports_and_gui(bundle: Path, tmp_path: Path) -> None:
    from app import __version__

    home = tmp_path / "home"
    db = str(tmp_path / "b.sqlite3")
    assert _run(bundle, home, "--version").strip() == f"opsledger {__version__}"
    _run(bundle, home, "demo", "--db", db, "--contract", "pinggu-court-2026", "--days", "10",
         "--end", "2026-10-20")
    for fmt in ("pdf", "xlsx", "docx"):
        out = tmp_path / f"m.{fmt}"
        _run(bundle, home, "report", "--db", db, "--kind", "monthly", "--period", "2026-10",
             "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 5000
    _run(bundle, home, "export", "inspections", "--db", db, "--from", "2026-10-01", "--to", "2026-10-20",
         "--out", str(tmp_path / "i.xlsx"))
    assert "完整性：ok" in _run(bundle, home, "check", "--db", db)  # the CLI speaks Chinese by default

    env = dict(os.environ, OPSLEDGER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    gui = subprocess.Popen([str(bundle / "opsledger-gui"), "--db", db], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            gui.wait(timeout=8)  # still running: the window (or its engineer prompt) is up
    finally:
        gui.kill()
        _, err = gui.communicate()
    assert "Traceback" not in err


def test_bundle_keeps_the_desktop_platforms_and_leaves_out_unused_qt(bundle: Path) -> None:
    """Kylin/UOS desktops run X11 or Wayland: both platform plugins (and Wayland's shell
    integration) are inside; Qt Quick/QML, the TLS backends and codecs the app never reads are not
    (issue #12 §6)."""
    qt = bundle / "_internal" / "PySide6" / "Qt"
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    for needed in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                   "wayland-shell-integration/libxdg-shell.so", "iconengines/libqsvgicon.so",
                   "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert needed in plugins
    unused = ("tls/", "imageformats/libqjpeg", "wayland-graphics-integration-server/")
    assert not {p for p in plugins if p.startswith(unused)}
    libs = {p.name for p in (qt / "lib").iterdir()}
    assert "libQt6WaylandClient.so.6" in libs
    assert not {n for n in libs if n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WaylandCompositor"))}
