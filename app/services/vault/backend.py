"""Where secrets live: the OS keyring, or — chosen by the user — an encrypted KeePass KDBX 4 file.

The ledger keeps only a reference (``secret_service`` + ``secret_key``); the value goes to a
:class:`SecretStore`:

* :class:`KeyringStore` — Windows Credential Manager, Secret Service/KWallet (Kylin, UOS),
  macOS Keychain through ``keyring``.  :func:`probe` refuses the ``fail`` and ``null`` backends
  and plaintext file backends (``keyrings.alt``) with a sentence, and every call runs in a worker
  thread with a timeout (:data:`TIMEOUT_SECONDS`) so a locked Secret Service collection cannot
  hang the application (:func:`call_with_timeout`).
* :class:`KdbxStore` — the declared fallback where no secure keyring exists (headless or locked
  Linux): a KDBX 4 file (Argon2, AES-256) with a master password (``pykeepass``), never chosen
  silently; the same format exports the vault for KeePassXC (:func:`export_kdbx`).

:class:`Vault` is the process's choice (``vault_backend``/``vault_kdbx_path`` settings; the master
password is held in memory only while unlocked); :func:`current` returns it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from app.core.i18n import N_, _
from app.core.vocab import SecretStoreKind
from app.errors import Msg, OpsLedgerError
from app.services.vault import late_answers
from app.services.vault.policy import check_length_limit

T = TypeVar("T")

IDLE_LOCK_MINUTES = 5.0
"""Default minutes without vault use after which an unlocked KDBX file asks its master password again."""

TIMEOUT_SECONDS = 5.0
"""How long one keyring call may take before the vault reports the keyring as not answering."""

SERVICE = "OpsLedger"
"""The keyring service name under which every secret is stored (username = the credential id)."""

KDBX_GROUP = "OpsLedger"
KEY_PROPERTY = "opsledger_key"


class VaultUnavailable(OpsLedgerError):  # noqa: N818 - reads as the state it reports
    """The secret store cannot be used now (refused backend, no answer, locked file, wrong
    master password); ``str()`` says why and what to do.  Nothing was written."""


def call_with_timeout(fn: Callable[..., T], *args: Any, timeout: float | None = None,
                      on_abandon: Callable[[], None] | None = None,
                      on_late: Callable[[bool], None] | None = None) -> T:
    """``fn(*args)`` in a daemon worker thread; its result, or its exception re-raised.

    Raises ``VaultUnavailable`` when no answer came within ``timeout`` seconds (default
    :data:`TIMEOUT_SECONDS`); the stuck thread is left behind as a daemon and cannot block exit.
    Giving up calls ``on_abandon()`` (in the caller's thread); if the call then answers after
    all, its thread calls ``on_late(ok)`` (``ok``: it returned without an error) — this is how a
    late keyring store is taken back (``late_answers``).  The decision "answered in time" or
    "late" is taken under one lock, so exactly one of the two paths runs.
    """
    box: dict[str, Any] = {}
    lock = threading.Lock()

    def run() -> None:
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread as it is
            box["error"] = exc
        with lock:
            box["done"] = True
            late = box.get("abandoned", False)
        if late and on_late is not None:
            on_late("error" not in box)

    seconds = TIMEOUT_SECONDS if timeout is None else timeout
    worker = threading.Thread(target=run, name="opsledger-keyring", daemon=True)
    worker.start()
    worker.join(seconds)
    with lock:
        gave_up = not box.get("done", False)
        if gave_up:
            box["abandoned"] = True
            if on_abandon is not None:
                on_abandon()
    if gave_up:
        raise VaultUnavailable(
            N_("The system keyring did not answer within {seconds} seconds (the keyring may be locked); "
               "unlock it and try again, or use the encrypted KDBX file"), code="vault.timeout",
            seconds=f"{seconds:g}")
    if "error" in box:
        raise box["error"]
    return box["value"]


# --------------------------------------------------------------------------- the keyring probe


def backend_name(backend: Any) -> str:
    """The name a user knows the keyring ``backend`` by: its ``name`` (keyring gives e.g.
    "SecretService Keyring", "Windows WinVaultKeyring"), else its class name."""
    return str(getattr(backend, "name", "") or type(backend).__name__)


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


_NO_KEYRING = N_("No system keyring is available on this computer; use the encrypted KDBX file "
                 "(Vault → Use a KDBX file) to keep passwords")


def refusal_of(backend: Any) -> Msg | None:
    """Why ``backend`` (a ``keyring`` backend instance) is refused (a ``Msg``, rendered in the
    current language when shown), or None if it may hold secrets.  Refused:
    ``keyring.backends.fail`` (no backend at all), ``keyring.backends.null`` (stores nothing), any
    file backend of ``keyrings.alt`` or class named *Plaintext*.  A chainer is refused when one of
    its backends is, or when it chains none."""
    chained = getattr(backend, "backends", None)
    if chained is not None and type(backend).__name__ == "ChainerBackend":
        inner = list(chained)
        if not inner:
            return Msg(_NO_KEYRING)
        return next((r for r in map(refusal_of, inner) if r is not None), None)
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.fail"):
        return Msg(_NO_KEYRING)
    if module.startswith("keyring.backends.null"):
        return Msg(N_("The system keyring is switched off (null backend): it would store nothing; "
                      "use the encrypted KDBX file instead"))
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return Msg(N_("The chosen keyring keeps passwords in a file of its own (in plain text readable by anyone "
                      "with the disk, or behind a password asked on a terminal); it is refused — use the system "
                      "keyring or the encrypted KDBX file"))
    return None


@dataclass(frozen=True)
class Probe:
    """The result of :func:`probe`: ``ok``; ``backend`` (dotted class name); ``message`` (a
    ``Msg`` or an ``OpsLedgerError`` when refused); ``reason`` renders it in the current language."""

    ok: bool
    backend: str
    message: Any = None
    instance: Any = None
    """The accepted backend object (None when refused), so that using it asks the keyring nothing more."""

    @property
    def reason(self) -> str:
        """Why the keyring was refused, as a sentence in the current language ("" when ok)."""
        return "" if self.message is None else str(self.message)


def probe(backend: Any | None = None, *, timeout: float | None = None) -> Probe:
    """Check that ``backend`` (default: ``keyring.get_keyring()``) can hold secrets: not refused
    by :func:`refusal_of`, and answering a read within ``timeout`` seconds.  Never raises."""
    import keyring  # noqa: PLC0415 - imported when the vault is used, not at start of every command
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        chosen = backend if backend is not None else call_with_timeout(keyring.get_keyring, timeout=timeout)
    except VaultUnavailable as exc:
        return Probe(False, "", exc)
    reason = refusal_of(chosen)
    if reason is not None:
        return Probe(False, _name(chosen), reason)
    try:
        call_with_timeout(chosen.get_password, SERVICE, "probe", timeout=timeout)
    except VaultUnavailable as exc:
        return Probe(False, _name(chosen), exc)
    except (KeyringError, OSError, RuntimeError) as exc:
        return Probe(False, _name(chosen), Msg(N_("The system keyring refused to answer: {reason}; use the "
                                                  "encrypted KDBX file instead"), reason=str(exc)))
    return Probe(True, _name(chosen), instance=chosen)


# --------------------------------------------------------------------------- stores


@dataclass(frozen=True)
class EntryInfo:
    """What a store may show beside a secret (KeePassXC shows it): title, username, URL, notes."""

    title: str = ""
    username: str = ""
    url: str = ""
    notes: str = ""


class SecretStore(Protocol):
    """A place for secret values: ``get``/``put``/``delete`` by ``(service, key)``."""

    kind: SecretStoreKind

    def label(self) -> str:
        """Which store this is, as the user reads it."""
        ...

    def get(self, service: str, key: str) -> str | None:
        """The secret, or None if none is stored; raises ``VaultUnavailable``."""
        ...

    def put(self, service: str, key: str, secret: str, info: EntryInfo, *, previous: str | None = None) -> None:
        """Store (replace) the secret; ``previous`` is what the entry held before (``None``: a new
        entry) — what a store that answers too late is taken back to.  Raises
        ``VaultUnavailable`` or ``ValidationError``."""
        ...

    def delete(self, service: str, key: str) -> None:
        """Remove the secret if present; raises ``VaultUnavailable``."""
        ...


class KeyringStore:
    """The OS keyring through ``keyring``; every call under :func:`call_with_timeout`."""

    kind = SecretStoreKind.KEYRING

    def __init__(self, backend: Any, timeout: float | None = None) -> None:
        self.backend = backend
        self.timeout = timeout

    def label(self) -> str:
        """"系统密钥环（Windows 凭据管理器 / Secret Service / …）": the backend's own name."""
        return _("System keyring ({backend})", backend=backend_name(self.backend))

    def _call(self, fn: Callable[..., T], *args: Any, **late: Any) -> T:
        from keyring.errors import KeyringError  # noqa: PLC0415

        try:
            return call_with_timeout(fn, *args, timeout=self.timeout, **late)
        except (KeyringError, OSError, RuntimeError) as exc:
            raise VaultUnavailable(N_("The system keyring refused the operation: {reason}"),
                                   code="vault.keyring_error", reason=str(exc) or type(exc).__name__) from None

    def get(self, service: str, key: str) -> str | None:
        """See :class:`SecretStore`."""
        return self._call(self.backend.get_password, service, key)

    def put(self, service: str, key: str, secret: str, info: EntryInfo, *, previous: str | None = None) -> None:
        """See :class:`SecretStore`; refuses a secret above the Windows limit first, and while a
        timed-out call on the entry is still running.  A store that answers after the timeout
        is taken back to ``previous`` (``late_answers``), so the keyring never keeps a secret
        the ledger does not know."""
        check_length_limit(secret)
        late_answers.refuse_if_pending(self.backend, service, key)
        self._call(self.backend.set_password, service, key, secret, on_abandon=late_answers.abandoned(self.backend, service, key),
                   on_late=late_answers.late_store(self.backend, service, key, secret, previous))

    def delete(self, service: str, key: str) -> None:
        """See :class:`SecretStore`; an absent secret is not an error."""
        from keyring.errors import PasswordDeleteError  # noqa: PLC0415

        late_answers.refuse_if_pending(self.backend, service, key)
        try:
            self._call(self.backend.delete_password, service, key, on_abandon=late_answers.abandoned(self.backend, service, key),
                       on_late=late_answers.late_delete(self.backend, service, key))
        except VaultUnavailable:
            if self.get(service, key) is not None:
                raise
        except PasswordDeleteError:
            return


class KdbxStore:
    """A KeePass KDBX 4 file (Argon2 + AES-256) opened with its master password (``pykeepass``).

    Entries live in the group ``OpsLedger``; each carries the reference as the custom property
    ``opsledger_key`` (``service/key``).  The file is saved after every change.
    """

    kind = SecretStoreKind.KDBX

    def __init__(self, path: Path, master_password: str, *, create: bool = False) -> None:
        from pykeepass import PyKeePass, create_database  # noqa: PLC0415
        from pykeepass.exceptions import CredentialsError  # noqa: PLC0415

        self.path = Path(path)
        if not master_password:
            raise VaultUnavailable(N_("Enter the master password of the KDBX file"), code="vault.no_master")
        try:
            if create and not self.path.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = create_database(str(self.path), password=master_password)
            else:
                self.db = PyKeePass(str(self.path), password=master_password)
        except CredentialsError:
            raise VaultUnavailable(N_("Wrong master password for {path}"), code="vault.wrong_master",
                                   path=str(self.path)) from None
        except FileNotFoundError:
            raise VaultUnavailable(N_("There is no KDBX file at {path}"), code="vault.no_file",
                                   path=str(self.path)) from None
        group = self.db.find_groups(name=KDBX_GROUP, first=True)
        self.group = group if group is not None else self.db.add_group(self.db.root_group, KDBX_GROUP)

    def close(self) -> None:
        """Forget the open file: the ``PyKeePass`` object (which holds the master password and the
        derived key) and the group; any later call raises ``VaultUnavailable`` (locked)."""
        self.db = None
        self.group = None

    def _open(self) -> Any:
        if self.db is None:
            raise VaultUnavailable(N_("KDBX file {path} is locked; unlock it with its master password"),
                                   code="vault.locked", path=str(self.path))
        return self.db

    def label(self) -> str:
        """"KDBX 文件 <path>"."""
        return _("KDBX file {path}", path=str(self.path))

    def _entry(self, service: str, key: str) -> Any:
        self._open()
        ref = f"{service}/{key}"
        return next((e for e in self.group.entries if e.get_custom_property(KEY_PROPERTY) == ref), None)

    def get(self, service: str, key: str) -> str | None:
        """See :class:`SecretStore`."""
        entry = self._entry(service, key)
        return None if entry is None else entry.password

    def put(self, service: str, key: str, secret: str, info: EntryInfo, *, previous: str | None = None) -> None:
        """See :class:`SecretStore`; the entry's title/username/URL/notes follow ``info`` (a file
        answers or fails at once: ``previous`` is not needed)."""
        self.put_all([(service, key, secret, info)])

    def put_all(self, items: Iterable[tuple[str, str, str, EntryInfo]]) -> int:
        """Store every ``(service, key, secret, info)`` and save the file once (each save derives
        the Argon2 key again, ≈ 0.6 s); returns how many."""
        n = 0
        for service, key, secret, info in items:
            self._put(service, key, secret, info)
            n += 1
        self._open().save()
        return n

    def _put(self, service: str, key: str, secret: str, info: EntryInfo) -> None:
        check_length_limit(secret)
        entry = self._entry(service, key)
        title = info.title or key
        if entry is None:
            entry = self._open().add_entry(self.group, title, info.username or key, secret, url=info.url or None,
                                      notes=info.notes or None, force_creation=True)
            entry.set_custom_property(KEY_PROPERTY, f"{service}/{key}")
        else:
            entry.save_history()
            entry.password = secret
            entry.title, entry.username = title, info.username or key
            entry.url, entry.notes = info.url or None, info.notes or None

    def delete(self, service: str, key: str) -> None:
        """See :class:`SecretStore`."""
        entry = self._entry(service, key)
        if entry is not None:
            db = self._open()
            db.delete_entry(entry)
            db.save()


def export_kdbx(path: Path, master_password: str, items: Iterable[tuple[str, str, str, EntryInfo]]) -> int:
    """Write a new KDBX 4 file at ``path`` (refused if it exists) with the master password and one
    entry per ``(service, key, secret, info)``; returns the number written.  KeePassXC opens it."""
    path = Path(path)
    if path.exists():
        raise OpsLedgerError(N_("{path} exists already; choose a new file name"), path=str(path))
    return KdbxStore(path, master_password, create=True).put_all(items)


# --------------------------------------------------------------------------- the process's choice


@dataclass(frozen=True)
class VaultStatus:
    """What the 密码库 page shows: ``kind`` chosen ("" = none yet), ``ready`` (a store is usable
    now), ``text`` (a sentence: which keyring, or the KDBX file unlocked/locked, or why not)."""

    kind: str
    ready: bool
    text: str


class Vault:
    """The chosen secret store of this process.  The KDBX fallback is used only after the user
    chose it (:meth:`use_kdbx`); the keyring only after :func:`probe` accepted it.

    Idle lock: an unlocked KDBX file is locked again after ``idle_lock_minutes`` (setting
    ``vault_idle_lock_minutes``, default :data:`IDLE_LOCK_MINUTES`) without a vault use —
    :meth:`require` notices it, the page's timer calls :meth:`lock_if_idle`.  ``clock`` is a
    monotonic seconds function (tests pass a fake).
    """

    def __init__(self, *, idle_lock_minutes: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store: SecretStore | None = None
        self.kind = ""
        self.kdbx_path: Path | None = None
        self.refusal: Any = None  # why the keyring was refused (Msg or error), rendered when shown
        self.started = False
        self.checking = False
        self._idle_minutes = idle_lock_minutes
        self.clock = clock
        self.last_used = clock()
        self.in_use = 0  # calls running now (a worker saving the file is not idle)

    @property
    def idle_lock_minutes(self) -> float:
        """Minutes without use after which an unlocked KDBX file locks (0 = never)."""
        if self._idle_minutes is not None:
            return self._idle_minutes
        from app import settings  # noqa: PLC0415

        try:
            return max(0.0, float(settings.get("vault_idle_lock_minutes")))
        except (TypeError, ValueError):
            return IDLE_LOCK_MINUTES

    def load_choice(self) -> bool:
        """Read the user's saved choice (``vault_backend`` setting): ``kdbx`` stays locked until
        :meth:`use_kdbx`; returns True when the keyring is to be probed (none or ``keyring``)."""
        from app import settings  # noqa: PLC0415

        self.started = True
        if settings.get("vault_backend") == SecretStoreKind.KDBX:
            self.kind = SecretStoreKind.KDBX
            path = settings.get("vault_kdbx_path")
            self.kdbx_path = Path(path) if path else None
            return False
        return True

    def start(self, backend: Any | None = None) -> VaultStatus:
        """At start: :meth:`load_choice`, then probe the keyring if that is the choice (this
        thread waits for the probe: the GUI runs :func:`probe` in a worker and :meth:`apply`)."""
        if self.load_choice():
            self.use_keyring(backend)
        return self.status()

    def use_keyring(self, backend: Any | None = None, *, remember: bool = False) -> Probe:
        """Probe the keyring (waits up to the timeout) and :meth:`apply` the result."""
        return self.apply(probe(backend), remember=remember)

    def apply(self, result: Probe, *, remember: bool = False) -> Probe:
        """Use the keyring :func:`probe` accepted (``result.instance``), or keep why it was
        refused; ``remember`` saves the choice.  Asks the keyring nothing."""
        self.started, self.checking = True, False
        self.kind = SecretStoreKind.KEYRING
        self._forget()
        if result.ok:
            self.store = KeyringStore(result.instance)
            self.refusal = None
            if remember:
                _remember(SecretStoreKind.KEYRING, "")
        else:
            self.refusal = result.message
        return result

    def use_kdbx(self, path: Path, master_password: str, *, create: bool = False) -> VaultStatus:
        """Open (``create``: make) the KDBX file with its master password and use it; the choice
        and the path (never the password) are saved.  Raises ``VaultUnavailable``.  Takes about
        a second (Argon2): the GUI calls it in a worker."""
        store = KdbxStore(Path(path), master_password, create=create)
        self._forget()
        self.store, self.kind, self.kdbx_path, self.refusal = store, SecretStoreKind.KDBX, Path(path), None
        self.started, self.checking = True, False
        self.last_used = self.clock()
        _remember(SecretStoreKind.KDBX, str(path))
        return self.status()

    def _forget(self) -> None:
        close = getattr(self.store, "close", None)
        if close is not None:
            close()
        self.store = None

    def lock(self) -> None:
        """Forget the open KDBX file (the ``PyKeePass`` object with its master password and
        derived key); the keyring stays as it is."""
        if self.kind == SecretStoreKind.KDBX:
            self._forget()

    def touch(self) -> None:
        """A vault use just ended: the idle period starts again now."""
        self.last_used = self.clock()

    def begin_use(self) -> None:
        """A call on the store starts (in a worker): no idle lock until :meth:`end_use`."""
        self.in_use += 1

    def end_use(self) -> None:
        """The call started by :meth:`begin_use` ended; the idle period starts again now."""
        self.in_use = max(0, self.in_use - 1)
        self.touch()

    def idle_seconds_left(self) -> float | None:
        """Seconds until an unlocked KDBX file locks for idleness, or None (nothing to lock,
        or the idle lock is off)."""
        minutes = self.idle_lock_minutes
        if self.kind != SecretStoreKind.KDBX or self.store is None or minutes <= 0:
            return None
        if self.in_use:
            return minutes * 60
        return max(0.0, self.last_used + minutes * 60 - self.clock())

    def lock_if_idle(self) -> bool:
        """Lock the KDBX file if it was not used for the idle period; True when it locked."""
        left = self.idle_seconds_left()
        if left is not None and left <= 0:
            self.lock()
            return True
        return False

    def status(self) -> VaultStatus:
        """See :class:`VaultStatus`."""
        if self.store is not None:
            return VaultStatus(self.kind, True, _("Passwords are kept in: {store}", store=self.store.label()))
        if self.checking:
            return VaultStatus(self.kind, False, _("Checking the system keyring…"))
        if self.kind == SecretStoreKind.KDBX:
            where = str(self.kdbx_path) if self.kdbx_path else _("no file chosen")
            return VaultStatus(self.kind, False, _("KDBX file {path} is locked; unlock it with its master "
                                                   "password", path=where))
        if self.refusal is not None:
            return VaultStatus(self.kind, False, str(self.refusal))
        return VaultStatus(self.kind, False, _("No secret store is chosen yet"))

    def require(self) -> SecretStore:
        """The usable store (and the start of a new idle period); raises ``VaultUnavailable``
        with :meth:`status`'s sentence — also when the KDBX file just locked for idleness."""
        self.lock_if_idle()
        if self.store is None:
            raise VaultUnavailable(self.status().text, code="vault.unavailable")
        self.last_used = self.clock()
        return self.store


def _remember(kind: str, path: str) -> None:
    from app import settings  # noqa: PLC0415

    settings.set_value("vault_backend", kind)
    settings.set_value("vault_kdbx_path", path)


_CURRENT: Vault | None = None


def current(*, start: bool = True) -> Vault:
    """The process's :class:`Vault`, created on first use; ``start`` (CLI) probes the keyring
    then and there, ``start=False`` (GUI) leaves that to the caller's worker
    (``Vault.started`` False until it is done)."""
    global _CURRENT  # noqa: PLW0603 - one vault per process, like the keyring itself
    if _CURRENT is None:
        _CURRENT = Vault()
        if start:
            _CURRENT.start()
    return _CURRENT


def reset(vault: Vault | None = None) -> None:
    """Replace the process's vault (tests; ``None``: start afresh on next :func:`current`)."""
    global _CURRENT  # noqa: PLW0603
    _CURRENT = vault
