"""DKIM (RFC 6376) per hub sending domain, signed with dkimpy.

A hub's key pair is made here (RSA 2048, `cryptography`); the private key is stored encrypted with
app/core/crypto and never leaves the server; the public half is published by the team as the TXT
record `<selector>._domainkey.<domain>` that `dns_record` gives. Messages are signed over the exact
bytes that go on the wire (app/email/headers.py `serialize`), relaxed/relaxed canonicalisation.
"""

from __future__ import annotations

import base64
from typing import Any

import dkim
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

from app.core.crypto import decrypt_secret
from app.email.models import EmailSettings

SIGNED_HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"reply-to", b"mime-version",
                  b"content-type", b"list-unsubscribe", b"list-unsubscribe-post"]


# dkimpy canonicalises, hashes and writes the header; its RSA step is pure Python (~7 ms a signature
# for a 2048-bit key, the cap on a campaign's send rate). RSASSA-PKCS1-v1_5 is deterministic, so the
# same digest signed by OpenSSL (`cryptography`, ~0.3 ms) gives the very same bytes:
# tests/test_email_deliverability.py compares the two.
_HASHES: dict[str, Any] = {"sha256": hashes.SHA256, "sha1": hashes.SHA1}
_KEYS: dict[int, rsa.RSAPrivateKey] = {}
pure_python_sign = dkim.RSASSA_PKCS1_v1_5_sign


def openssl_sign(digest: Any, private_key: dict[str, int]) -> bytes:
    """dkimpy's RSASSA_PKCS1_v1_5_sign(hash, key) through OpenSSL: same arguments, same result."""
    key = _KEYS.get(private_key["modulus"])
    if key is None:
        numbers = rsa.RSAPrivateNumbers(
            p=private_key["prime1"], q=private_key["prime2"], d=private_key["privateExponent"],
            dmp1=private_key["exponent1"], dmq1=private_key["exponent2"], iqmp=private_key["coefficient"],
            public_numbers=rsa.RSAPublicNumbers(private_key["publicExponent"], private_key["modulus"]))
        key = numbers.private_key()
        if len(_KEYS) > 256:
            _KEYS.clear()
        _KEYS[private_key["modulus"]] = key
    algorithm = _HASHES[digest.name]()
    return key.sign(digest.digest(), padding.PKCS1v15(), utils.Prehashed(algorithm))


dkim.RSASSA_PKCS1_v1_5_sign = openssl_sign  # the name dkim.DKIM.sign calls


def generate_private_key() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_key_b64(private_pem: bytes) -> str:
    key = serialization.load_pem_private_key(private_pem, password=None)
    der = key.public_key().public_bytes(serialization.Encoding.DER,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode("ascii")


def dns_record(private_pem: bytes) -> str:
    """The TXT record's value to publish at `<selector>._domainkey.<domain>`."""
    return f"v=DKIM1; k=rsa; p={public_key_b64(private_pem)}"


def stored_dns_record(config: EmailSettings) -> str | None:
    if not config.dkim_private_key_encrypted:
        return None
    return dns_record(decrypt_secret(config.dkim_private_key_encrypted).encode("ascii"))


def sign(config: EmailSettings, raw: bytes) -> bytes:
    """`raw` with a DKIM-Signature header first, when the hub has a key; else `raw` unchanged."""
    if not (config.dkim_private_key_encrypted and config.dkim_domain and config.dkim_selector):
        return raw
    private_pem = decrypt_secret(config.dkim_private_key_encrypted).encode("ascii")
    present = {line.split(b":", 1)[0].strip().lower() for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
               if line and not line[:1].isspace()}
    signature = dkim.sign(
        raw, config.dkim_selector.encode("ascii"), config.dkim_domain.encode("ascii"), private_pem,
        canonicalize=(b"relaxed", b"relaxed"), include_headers=[h for h in SIGNED_HEADERS if h in present],
    )
    return bytes(signature) + raw
