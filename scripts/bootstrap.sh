#!/usr/bin/env bash
# Install what OpsLedger needs on a fresh machine: Qt's system libraries (Debian/Kylin/UOS via
# apt-get, when missing) and the Python package with its dependencies (editable, so resources/ is
# found).  `--test` also installs the test extras (pytest, pytest-qt, and the CI gate: ruff, mypy
# and the type stubs) and poppler-utils (pdftotext/pdffonts).
# No Chinese system font is installed on purpose: OpsLedger bundles its own (resources/fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
      libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
      libdbus-1-3 libfontconfig1 libglib2.0-0"
extra=""
if [ "${1:-}" = "--test" ]; then
  PKGS="$PKGS poppler-utils"
  extra="[test]"
fi
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  missing=""
  for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
  fi
fi
# PEP 668: an OS-managed Python (Debian 12's /usr/bin/python3 …) refuses pip outside a venv.
if python3 -c 'import pathlib, sys, sysconfig
managed = pathlib.Path(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED").exists()
sys.exit(0 if managed and sys.prefix == sys.base_prefix else 1)'; then
  echo "bootstrap: $(command -v python3) is managed by the OS (PEP 668); create and activate a" >&2
  echo "virtual environment first:  python3 -m venv .venv && . .venv/bin/activate  (Debian: apt-get" >&2
  echo "install python3-venv), then run this script again.  Offline workstations: use the bundle" >&2
  echo "built by 'pyinstaller build.spec' (README)." >&2
  exit 3
fi
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "bootstrap: OpsLedger needs Python 3.11 or newer (enum.StrEnum), not $(python3 -V 2>&1)" >&2; exit 3; }
python3 -m pip install -q --disable-pip-version-check -e ".$extra"
