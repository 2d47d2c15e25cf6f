"""Phone numbers to E.164 (libphonenumber's rules), read in the contact's country.

One place for every consumer: contacts store what they can resolve, audiences hash what they
send. A national number ("07700 900123") needs the contact's country to mean anything; a number
written with its country code ("+44 7700 900123", "0044 …") does not.
"""

from __future__ import annotations

import phonenumbers


def to_e164(raw: str | None, country: str | None = None) -> str | None:
    """`+447700900123` for ("07700 900123", "GB"); None when the number cannot be resolved.

    A possible number is enough (libphonenumber's length rules per region): the stricter
    validity check rejects newly issued ranges until the library's metadata catches up.
    """
    text = (raw or "").strip()
    if not text:
        return None
    if text.startswith("00"):
        text = "+" + text[2:]
    region = (country or "").strip().upper() or None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def region_of(e164: str | None) -> str | None:
    """The ISO country of an E.164 number ("GB" for +44…), None when unknown."""
    if not e164:
        return None
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    # A number outside any allocated range still has a calling code: its main country is enough
    # to tell whether EEA consent rules apply.
    region = phonenumbers.region_code_for_number(number) or (
        phonenumbers.region_code_for_country_code(number.country_code) if number.country_code else None)
    return None if region in (None, "ZZ", "001") else region
