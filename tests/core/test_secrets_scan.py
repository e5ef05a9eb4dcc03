"""The secrets scanner finds credential-looking values in notes and leaves ordinary text alone."""

from __future__ import annotations

import pytest

from app.core.secrets_scan import entropy_bits, looks_random, redact, scan


@pytest.mark.parametrize(("text", "value"), [
    ("服务器 10.1.1.5 密码:Abc@12345 已重置", "Abc@12345"),
    ("数据库口令：Sa#2026db", "Sa#2026db"),
    ("password=hunter22", "hunter22"),
    ("root/pwd: s3cr3t!", "s3cr3t!"),
    ("admin 的 Password is Winter2026", "Winter2026"),
    ("新密码为 Qwe!2345", "Qwe!2345"),
    ("账号 root Xk9#mQ2!vLp 登录正常", "Xk9#mQ2!vLp"),
    ("api_key=AKIAxx93KdL", "AKIAxx93KdL"),
])
def test_finds_the_secret_value(text: str, value: str) -> None:
    found = scan(text)
    assert [f.value for f in found] == [value]
    f = found[0]
    assert text[f.start:f.end] == value


@pytest.mark.parametrize(("text", "value"), [
    ("hostname core-sw\nenable password Zx81!kq\n", "Zx81!kq"),
    ("enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0"),
    ("username admin privilege 15 secret 0 Court2026", "Court2026"),
    ("line vty 0 4\n password 7 0822455D0A16\n login", "0822455D0A16"),
    ("local-user admin password irreversible-cipher $1a$Oe2Y$", "$1a$Oe2Y$"),
    ("user-interface vty 0 4\n super password simple Huawei@123", "Huawei@123"),
    ("snmp-server community fy-public RO", "fy-public"),
    ("snmp-agent community read cipher %^%#kE8w", "%^%#kE8w"),
])
def test_finds_the_passwords_of_a_device_configuration(text: str, value: str) -> None:
    """A switch or firewall configuration attached to a fault holds its passwords in the
    device's own syntax (司法局 §2.3.1.4: passwords are managed secrets, kept in the vault)."""
    found = scan(text)
    assert [f.value for f in found] == [value]
    assert text[found[0].start:found[0].end] == value


def test_finds_a_private_key_header() -> None:
    found = scan("附件：\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz")
    assert found and found[0].kind == "private_key"


@pytest.mark.parametrize("text", [
    "重启了打印机，恢复正常",
    "用户反映密码忘记了，已指导其自助重置",
    "The password policy is fine",
    "检查 passwords 策略",
    "账号 zhangsan 无法登录 OA 系统",
    "user root logged in at 10:00",
    "password reset requested by the user",
    "Password reset",
    "password reset",
    "已处理\npassword changed",
    "enable the password policy on all servers",
    "interface GigabitEthernet0/1\n description to-court-core",
    "",
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert scan(text) == []


def test_entropy_and_randomness() -> None:
    assert entropy_bits("aaaa") == 0.0
    assert looks_random("Xk9#mQ2!vLp")
    assert not looks_random("password")
    assert not looks_random("zhangsan2026")


def test_redact_replaces_each_value() -> None:
    text = "密码:Abc@12345，root 口令=Zz!998877"
    out = redact(text, scan(text), "［已移入密码库］")
    assert "Abc@12345" not in out and "Zz!998877" not in out
    assert out.count("［已移入密码库］") == 2


def test_masked_keeps_first_and_last() -> None:
    (f,) = scan("密码:Abc@12345")
    assert f.masked == "A*******5"
