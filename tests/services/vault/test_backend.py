"""The keyring probe refuses fail/null/plaintext backends; calls time out; the Windows limit; KDBX."""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

import pytest
from keyring.backends import fail, null
from pykeepass import PyKeePass

from app.core.i18n import set_language
from app.errors import ValidationError
from app.services.vault import backend
from app.services.vault.backend import EntryInfo, KdbxStore, KeyringStore, VaultUnavailable, probe
from app.services.vault.policy import MAX_SECRET_CHARS
from tests.services.vault.memory_keyring import HangingKeyring, MemoryKeyring


def _plaintext_class() -> type:
    try:
        from keyrings.alt.file import PlaintextKeyring
    except ImportError:  # keyrings.alt not installed: a stand-in in that module path
        mod = types.ModuleType("keyrings.alt.file")

        class PlaintextKeyring(MemoryKeyring):  # type: ignore[no-redef]
            pass

        PlaintextKeyring.__module__ = "keyrings.alt.file"
        sys.modules.setdefault("keyrings.alt.file", mod)
    return PlaintextKeyring


def test_fail_backend_is_refused_with_a_chinese_sentence() -> None:
    result = probe(fail.Keyring())
    assert not result.ok
    assert "没有可用的系统密钥环" in result.reason and "KDBX" in result.reason


def test_null_backend_is_refused() -> None:
    result = probe(null.Keyring())
    assert not result.ok and "不保存任何内容" in result.reason


def test_plaintext_backend_is_refused(tmp_path: Path) -> None:
    ring = _plaintext_class()()
    result = probe(ring)
    assert not result.ok
    assert "明文" in result.reason and result.backend.startswith("keyrings.alt")


def test_the_refusal_reads_in_english_too() -> None:
    set_language("en")
    assert "No system keyring" in probe(fail.Keyring()).reason


def test_a_memory_backend_is_accepted() -> None:
    assert probe(MemoryKeyring()).ok


def test_a_hanging_backend_times_out_with_a_message_not_a_hang() -> None:
    ring = HangingKeyring()
    started = time.monotonic()
    result = probe(ring, timeout=0.3)
    assert time.monotonic() - started < 3
    assert not result.ok and "0.3 秒内没有响应" in result.reason
    store = KeyringStore(ring, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(VaultUnavailable) as exc:
        store.put("OpsLedger", "x", "Abc123!xyz", EntryInfo())
    assert time.monotonic() - started < 3
    assert exc.value.code == "vault.timeout"


def test_a_secret_over_the_windows_limit_is_refused_naming_the_limit() -> None:
    ring = MemoryKeyring()
    store = KeyringStore(ring)
    store.put("OpsLedger", "ok", "x" * MAX_SECRET_CHARS, EntryInfo())
    with pytest.raises(ValidationError) as exc:
        store.put("OpsLedger", "long", "x" * (MAX_SECRET_CHARS + 1), EntryInfo())
    assert "1280" in str(exc.value) and "1281" in str(exc.value)
    assert ("OpsLedger", "long") not in ring.store
    with pytest.raises(ValidationError):  # 641 emoji = 1,282 UTF-16 units
        store.put("OpsLedger", "emoji", "🔑" * 641, EntryInfo())


def test_kdbx_round_trip_opens_in_pykeepass(tmp_path: Path) -> None:
    path = tmp_path / "vault.kdbx"
    store = KdbxStore(path, "master-Pw-1", create=True)
    store.put("OpsLedger", "k1", "S3cret!value", EntryInfo("OA – root", "root", "10.0.0.5", "database"))
    assert KdbxStore(path, "master-Pw-1").get("OpsLedger", "k1") == "S3cret!value"
    kp = PyKeePass(str(path), password="master-Pw-1")
    assert kp.version[0] == 4
    entry = kp.find_entries(title="OA – root", first=True)
    assert entry.password == "S3cret!value" and entry.username == "root" and entry.url == "10.0.0.5"
    with pytest.raises(VaultUnavailable) as exc:
        KdbxStore(path, "wrong")
    assert "主密码不正确" in str(exc.value)


def test_vault_never_falls_back_to_kdbx_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    vault = backend.Vault()
    vault.start(fail.Keyring())
    status = vault.status()
    assert not status.ready and status.kind == "keyring"
    with pytest.raises(VaultUnavailable):
        vault.require()


def test_kdbx_choice_is_remembered_without_the_password(tmp_path: Path) -> None:
    from app import paths, settings

    vault = backend.Vault()
    vault.use_kdbx(tmp_path / "v.kdbx", "Master-1", create=True)
    assert vault.status().ready
    assert settings.get("vault_backend") == "kdbx"
    assert "Master-1" not in (paths.config_dir() / "settings.json").read_text("utf-8")
    again = backend.Vault()
    again.start()
    assert again.kind == "kdbx" and not again.status().ready and "已锁定" in again.status().text
