"""Secret tokens: generation, hashing for storage, and signing with the secret key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def random_slug(length: int = 8) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def sign(secret_key: str, message: str) -> str:
    digest = hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def verify_signature(secret_key: str, message: str, signature: str) -> bool:
    return hmac.compare_digest(sign(secret_key, message), signature)
