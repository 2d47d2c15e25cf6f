"""Encryption at rest for third-party secrets (Stripe keys, SMTP passwords, ad tokens)."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from app.settings import get_settings


def _fernet(secret_key: str | None = None) -> Fernet:
    key = secret_key or get_settings().secret_key
    derived = hashlib.sha256(b"memberhub-encryption:" + key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt_secret(plaintext: str, secret_key: str | None = None) -> str:
    return _fernet(secret_key).encrypt(plaintext.encode()).decode()


def decrypt_secret(ciphertext: str, secret_key: str | None = None) -> str:
    try:
        return _fernet(secret_key).decrypt(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("secret cannot be decrypted with this MEMBERHUB_SECRET_KEY") from exc
