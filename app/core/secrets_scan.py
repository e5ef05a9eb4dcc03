"""Secrets in free text (口令泄露检查): find what looks like a credential before a note is saved.

司法局 §2.3.1.4 makes the passwords of every server and database a managed secret; a password
typed into an incident, request or inspection note would land in plain text in the database,
its WAL, the backups and every export.  :func:`scan` finds such values so the UI can offer to
move them into the vault (密码库) first.  Pure rules: no session, no Qt.

Patterns (each finding names the ``value`` that would be the secret):

* ``label`` — a password word followed by ``:``/``=``/``：``/``is``/``是`` and a value:
  密码, 口令, 密钥, password, passwd, pwd, pass, secret, token, api_key … (``密码:Abc123``,
  ``password=hunter2``, ``root/pwd: x``);
* ``account_token`` — a high-entropy token (≥ 8 characters, at least three character classes,
  Shannon entropy ≥ 3.0 bits per character) within a few words after an account word
  (账号, 用户, user, login, root, admin, sa …), e.g. ``root Xk9#mQ2!vL``;
* ``private_key`` — a PEM private-key header (``-----BEGIN … PRIVATE KEY-----``);
* ``device_config`` — a password line of a network device's configuration, the file an engineer
  attaches to a switch or firewall fault (交换机/防火墙配置): Cisco/Ruijie ``enable password X``,
  ``enable secret 5 $1$…``, ``username admin privilege 15 secret 0 X``, ``password 7 0822…``;
  Huawei/H3C ``local-user admin password irreversible-cipher $1a$…``, ``password cipher %^%#…``,
  ``super password simple X``; SNMP communities (``snmp-server community X RO``,
  ``snmp-agent community read cipher X``).  A line is read as configuration only when it starts
  with one of these commands in lower case and its value is encoded or not a plain word, so prose
  ("the password policy is fine", "Password reset", "password reset") is left alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_PASSWORD_WORDS = r"密码|口令|密钥|登录密码|初始密码|新密码|pass(?:word|wd)?|pwd|secret|token|api[_-]?key|passphrase"  # noqa: S105
_LABEL = re.compile(
    rf"(?i)(?<![A-Za-z])(?P<word>{_PASSWORD_WORDS})(?![A-Za-z])\s*(?:[:=：]|\bis\b|是|为)\s*"
    r"(?P<value>[^\s，。；;,、\"'“”‘’()（）]{3,})"
)
_ACCOUNT_WORDS = re.compile(
    r"(?i)(?<![A-Za-z])(账号|账户|帐号|用户名?|user(?:name)?|login|root|admin(?:istrator)?|sa|oracle|postgres)(?![A-Za-z])"
)
_TOKEN = re.compile(r"[^\s，。；;,、\"'“”‘’()（）:=：]{8,}")
_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")
_DEVICE_LINE = re.compile(  # device commands are lower-case: "Password reset" is a sentence
    r"(?m)^[ \t]*(?:enable[ \t]+|super[ \t]+|(?:username|local-user|user)[ \t]+\S+[ \t]+(?:privilege[ \t]+\d+[ \t]+)?)?"
    r"(?:password|secret)[ \t]+(?P<type>(?:\d{1,2}|cipher|simple|hash|irreversible-cipher|plain)[ \t]+)?"
    r"(?P<value>\S{3,})[ \t]*$"
)
_SNMP_COMMUNITY = re.compile(
    r"(?m)^[ \t]*(?:snmp-server[ \t]+community|snmp-agent[ \t]+community[ \t]+(?:read|write)(?:[ \t]+(?:cipher|simple))?)"
    r"[ \t]+(?P<value>\S{3,})"
)
_NEAR_CHARS = 40  # how far after an account word a token still counts as its password
MIN_ENTROPY_BITS = 3.0
"""Shannon entropy per character (bits) from which a token looks random rather than a word."""


@dataclass(frozen=True)
class Finding:
    """One suspected secret: ``kind`` (``label``, ``account_token``, ``private_key``), the
    character offsets ``start``–``end`` of ``value`` in the scanned text, and ``value``."""

    kind: str
    start: int
    end: int
    value: str

    @property
    def masked(self) -> str:
        """``value`` with all but its first and last character hidden (for the warning)."""
        if len(self.value) <= 2:
            return "*" * len(self.value)
        return self.value[0] + "*" * (len(self.value) - 2) + self.value[-1]


def entropy_bits(text: str) -> float:
    """Shannon entropy of ``text`` in bits per character (0.0 for an empty text)."""
    if not text:
        return 0.0
    counts = Counter(text)
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _classes(text: str) -> int:
    return sum((
        any(c.islower() for c in text), any(c.isupper() for c in text),
        any(c.isdigit() for c in text), any(not c.isalnum() for c in text),
    ))


def looks_random(token: str) -> bool:
    """True for a token that reads like a generated password: ≥ 8 characters, three or more
    character classes (lower, upper, digit, other) and entropy ≥ :data:`MIN_ENTROPY_BITS`."""
    return len(token) >= 8 and _classes(token) >= 3 and entropy_bits(token) >= MIN_ENTROPY_BITS


def _device_value(m: re.Match[str]) -> bool:
    """A device password line's value is a secret when the line names its encoding (``7``,
    ``cipher`` …) or the value is not a plain word: ``password reset`` is a note, not a password."""
    groups = m.groupdict()
    return bool(groups.get("type")) or not m.group("value").isalpha()


def scan(text: str) -> list[Finding]:
    """Every suspected secret in ``text``, in order of position, without overlaps.

    Returns an empty list for text without one.  Never raises.
    """
    if not text:
        return []
    found = [Finding("label", m.start("value"), m.end("value"), m.group("value")) for m in _LABEL.finditer(text)]
    found += [Finding("private_key", m.start(), m.end(), m.group(0)) for m in _PRIVATE_KEY.finditer(text)]
    found += [Finding("device_config", m.start("value"), m.end("value"), m.group("value"))
              for pattern in (_DEVICE_LINE, _SNMP_COMMUNITY) for m in pattern.finditer(text)
              if _device_value(m)]
    for m in _ACCOUNT_WORDS.finditer(text):
        window_end = min(len(text), m.end() + _NEAR_CHARS)
        found += [Finding("account_token", t.start(), t.end(), t.group(0))
                  for t in _TOKEN.finditer(text, m.end(), window_end) if looks_random(t.group(0))]
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def redact(text: str, findings: list[Finding], replacement: str) -> str:
    """``text`` with each finding's value replaced by ``replacement`` (findings from :func:`scan`
    of this same text)."""
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        out.append(text[pos:f.start])
        out.append(replacement)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
