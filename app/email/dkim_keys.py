"""DKIM (RFC 6376) per hub sending domain, signed with dkimpy's canonicalisation.

A hub's key pair is made here (RSA 2048, `cryptography`); the private key is stored encrypted with
app/core/crypto and never leaves the server; the public half is published by the team as the TXT
record `<selector>._domainkey.<domain>` that `dns_record` gives. Messages are signed over the exact
bytes that go on the wire (app/email/headers.py `serialize`), relaxed/relaxed canonicalisation.

`Signer` holds one hub's key parsed once and signs many messages with it: the header fields, body
hash and folding are dkimpy's own (`dkim.rfc822_parse`, its relaxed `CanonicalizationPolicy`,
`dkim.hash_headers`, `dkim.fold`), laid out as `dkim.sign` lays them out, and the RSA step is
OpenSSL's (`cryptography`). RSASSA-PKCS1-v1_5 is deterministic, so the bytes are `dkim.sign`'s
own: tests/test_email_deliverability.py compares the two. What `dkim.sign` does per message and
this does not: decrypt and parse the PEM key (pure-Python ASN.1), and RSA in pure Python (~7 ms).

A campaign batch signs in a separate process (`sign_many`, MEMBERHUB_DKIM_SIGN_WORKERS, default 1):
the RSA step holds the GIL, and in the sending process it was the cap on a campaign's send rate.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import hashlib
import logging
import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import dkim
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils
from dkim.canonicalization import CanonicalizationPolicy

from app.core.crypto import decrypt_secret
from app.email.models import EmailSettings
from app.settings import get_settings

log = logging.getLogger("memberhub.email")

SIGNED_HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"reply-to", b"mime-version",
                  b"content-type", b"list-unsubscribe", b"list-unsubscribe-post"]
HEADER_NAME = b"DKIM-Signature"
_RELAXED = CanonicalizationPolicy.from_c_value(b"relaxed/relaxed")


class Signer:
    """One hub's DKIM key, parsed once: `sign(raw)` is `dkim.sign(raw, selector, domain, key,
    canonicalize=(b"relaxed", b"relaxed"), include_headers=<SIGNED_HEADERS present>) + raw`."""

    def __init__(self, domain: str, selector: str, private_pem: bytes) -> None:
        key = serialization.load_pem_private_key(private_pem, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("a DKIM key must be an RSA key")
        self.key = key
        self.domain, self.selector = domain.encode("ascii"), selector.encode("ascii")

    def sign(self, raw: bytes, now: float | None = None) -> bytes:
        headers, body = dkim.rfc822_parse(raw)
        present = {name.lower() for name, _ in headers}
        include = tuple(h for h in SIGNED_HEADERS if h in present)
        body_hash = base64.b64encode(hashlib.sha256(_RELAXED.canonicalize_body(body)).digest())
        fields = [
            (b"v", b"1"), (b"a", b"rsa-sha256"), (b"c", b"relaxed/relaxed"), (b"d", self.domain),
            (b"i", b"@" + self.domain), (b"q", b"dns/txt"), (b"s", self.selector),
            (b"t", str(int(time.time() if now is None else now)).encode("ascii")),
            (b"h", b" : ".join(include)), (b"bh", body_hash),
            (b"b", b"0" * 60),  # as dkim.sign: b= folds onto a line of its own
        ]
        value = dkim.fold(b"; ".join(b"=".join(f) for f in fields), namelen=len(HEADER_NAME), linesep=b"\r\n")
        value = dkim.RE_BTAG.sub(b"\\1", value)
        digest = hashlib.sha256()
        dkim.hash_headers(digest, _RELAXED, [relaxed_header(name, value) for name, value in headers], include,
                          (HEADER_NAME, b" " + value), dict(fields))
        signature = self.key.sign(digest.digest(), padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
        fields[-1] = (b"b", base64.b64encode(signature))
        value = dkim.fold(b"; ".join(b"=".join(f) for f in fields) + b"\r\n", namelen=len(HEADER_NAME),
                          linesep=b"\r\n")
        return HEADER_NAME + b": " + value + raw


def relaxed_header(name: bytes, value: bytes) -> tuple[bytes, bytes]:
    """dkimpy's relaxed header canonicalisation (`Relaxed.canonicalize_headers`: lower-case name,
    unfolded value, runs of space and tab as one space, stripped) by bytes methods instead of three
    regular expressions a header: the same bytes, tested against dkimpy on random input."""
    unfolded = value.replace(b"\r\n", b"").replace(b"\n", b"").replace(b"\t", b" ")
    return name.lower().rstrip(), b" ".join(word for word in unfolded.split(b" ") if word).strip() + b"\r\n"


# Parsed keys by (domain, selector, encrypted key): a changed or rotated key is a new entry.
_SIGNERS: dict[tuple[str, str, str], Signer] = {}


def signer_for(config: EmailSettings) -> Signer | None:
    """The hub's signer, or None when it has no DKIM key."""
    if not (config.dkim_private_key_encrypted and config.dkim_domain and config.dkim_selector):
        return None
    cache_key = (config.dkim_domain, config.dkim_selector, config.dkim_private_key_encrypted)
    signer = _SIGNERS.get(cache_key)
    if signer is None:
        if len(_SIGNERS) > 256:
            _SIGNERS.clear()
        private_pem = decrypt_secret(config.dkim_private_key_encrypted).encode("ascii")
        signer = _SIGNERS[cache_key] = Signer(config.dkim_domain, config.dkim_selector, private_pem)
    return signer


def sign(config: EmailSettings, raw: bytes) -> bytes:
    """`raw` with a DKIM-Signature header first, when the hub has a key; else `raw` unchanged."""
    signer = signer_for(config)
    return signer.sign(raw) if signer else raw


# --- signing a batch in another process ------------------------------------------------------------

_pool: ProcessPoolExecutor | None = None
_PROCESS_SIGNERS: dict[tuple[str, str, bytes], Signer] = {}


def _sign_in_process(domain: str, selector: str, private_pem: bytes, raws: list[bytes]) -> list[bytes]:
    """In a signing process: the key is parsed once per process and key."""
    cache_key = (domain, selector, hashlib.sha256(private_pem).digest())
    signer = _PROCESS_SIGNERS.get(cache_key)
    if signer is None:
        if len(_PROCESS_SIGNERS) > 64:
            _PROCESS_SIGNERS.clear()
        signer = _PROCESS_SIGNERS[cache_key] = Signer(domain, selector, private_pem)
    return [signer.sign(raw) for raw in raws]


def _get_pool(workers: int) -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn: a fresh interpreter, never a fork of a process with an event loop and threads. It
        # signs only: no templates are rendered where the keys are.
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return _pool


@atexit.register
def _stop_pool() -> None:
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)


async def sign_many(config: EmailSettings, raws: Sequence[bytes]) -> list[bytes]:
    """Each of `raws` signed (or unchanged, without a key), in a signing process when
    MEMBERHUB_DKIM_SIGN_WORKERS > 0 and the batch is worth the trip; in this process otherwise, or
    should the signing process be gone."""
    global _pool
    signer = signer_for(config)
    if signer is None:
        return list(raws)
    workers = get_settings().dkim_sign_workers
    if workers > 0 and len(raws) > 1:
        assert config.dkim_private_key_encrypted and config.dkim_domain and config.dkim_selector
        private_pem = decrypt_secret(config.dkim_private_key_encrypted).encode("ascii")
        try:
            return await asyncio.get_running_loop().run_in_executor(
                _get_pool(workers), _sign_in_process, config.dkim_domain, config.dkim_selector, private_pem,
                list(raws))
        except BrokenProcessPool as exc:
            log.warning("the DKIM signing process ended (%s); signing in this process", exc)
            _pool = None
    return [signer.sign(raw) for raw in raws]


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
