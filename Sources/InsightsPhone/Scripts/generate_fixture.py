#!/usr/bin/env python3
"""Generate Tests/InsightsPhoneTests/Fixtures/numbers.tsv: `input<TAB>expected`
where expected is the region `phonenumbers` (libphonenumber) gives, or ZZ.

Expected values always come from `reference_region()` below (phonenumbers itself),
never typed by hand. Deterministic: fixed random seed, sorted region lists.

Usage:  python3 Sources/InsightsPhone/Scripts/generate_fixture.py [output.tsv]
"""
import random
import sys
import unicodedata
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType as T
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_OUT = ROOT / "Tests" / "InsightsPhoneTests" / "Fixtures" / "numbers.tsv"
SEED = 20240611

TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP,
         T.PERSONAL_NUMBER, T.PAGER, T.UAN, T.VOICEMAIL]


def international_digits(raw):
    """The normalisation PhoneRegions.internationalDigits implements: keep every
    decimal digit (as ASCII); if the first '+'/'＋'-or-digit is a plus, use the digits
    as they are, else strip a leading '00'."""
    digits = []
    has_plus = False
    saw_start = False
    for ch in raw:
        if ch.isdecimal():
            digits.append(str(unicodedata.decimal(ch)))
            saw_start = True
        elif ch in "+\uff0b" and not saw_start:
            has_plus = True
            saw_start = True
    digits = "".join(digits)
    if not has_plus and digits.startswith("00"):
        digits = digits[2:]
    return digits


def reference_region(raw):
    """The reference behaviour: parse '+' + digits with no default region, then
    region_code_for_number; None for unparseable, unplaceable and '001'."""
    digits = international_digits(raw)
    try:
        n = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    r = phonenumbers.region_code_for_number(n)
    return None if r in (None, "ZZ", "001") else r


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


FULLWIDTH = {str(i): chr(0xFF10 + i) for i in range(10)}
ARABIC_INDIC = {str(i): chr(0x0660 + i) for i in range(10)}


def dress(rng, e164_digits, cc=None):
    """One input form of the international number `e164_digits` (no '+')."""
    d = e164_digits
    if cc is None:
        cc = next((d[:i] for i in (1, 2, 3) if d[:i].isdigit() and int(d[:i]) in COUNTRY_CODE_TO_REGION_CODE), d[:2])
    rest = d[len(cc):]
    form = rng.randrange(14)
    if form in (0, 1, 2):
        return "+" + d
    if form in (3, 4, 5):
        return d  # WhatsApp wa_id
    if form in (6, 7):
        return "00" + d
    if form == 8:
        try:
            n = phonenumbers.parse("+" + d, None)
            return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        except phonenumbers.NumberParseException:
            return "+" + cc + " " + rest
    if form == 9:
        return "+" + cc + " (" + rest[:3] + ") " + rest[3:6] + "-" + rest[6:]
    if form == 10:
        return "00 " + cc + " " + ".".join(rest[i:i + 3] for i in range(0, len(rest), 3))
    if form == 11:
        return "(+" + cc + ") " + "-".join(rest[i:i + 2] for i in range(0, len(rest), 2))
    if form == 12:
        return "  +" + cc + "-" + rest + " "
    return cc + " " + rest[:2] + " " + rest[2:]


def vary(rng, d):
    """Random variations of a number's digits, some of which become invalid."""
    out = []
    k = rng.randint(1, 4)
    out.append(d[:-k] + rand_digits(rng, k))
    out.append(d[:-1])                      # one digit short
    out.append(d + rng.choice("0123456789"))  # one digit too many
    return out


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    rng = random.Random(SEED)
    inputs = []

    def add(raw):
        assert "\t" not in raw and "\n" not in raw and "\r" not in raw, repr(raw)
        inputs.append(raw)

    # 1. Every region: example numbers of every type it has, in random forms, plus
    #    variations of the last digits and with the national prefix kept after the cc.
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        cc = str(phonenumbers.country_code_for_region(region))
        ndd = phonenumbers.ndd_prefix_for_region(region, True)
        for t in TYPES:
            ex = phonenumbers.example_number_for_type(region, t)
            if ex is None:
                continue
            d = cc + phonenumbers.national_significant_number(ex)
            add(dress(rng, d, cc))
            for v in vary(rng, d):
                add(dress(rng, v, cc))
            if ndd and rng.random() < 0.5:
                add("+" + cc + ndd + d[len(cc):])
        ex = phonenumbers.invalid_example_number(region)
        if ex is not None:
            add("+" + cc + phonenumbers.national_significant_number(ex))

    # 2. Non-geographic entities (region 001) -> ZZ.
    for cc in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        ex = phonenumbers.example_number_for_non_geo_entity(cc)
        if ex is not None:
            d = str(cc) + phonenumbers.national_significant_number(ex)
            add(dress(rng, d, str(cc)))
            add("+" + d)

    # 3. Shared calling codes: random national numbers behind known prefixes.
    shared_prefixes = {
        "1": ["212", "416", "876", "658", "268", "264", "684", "246", "441", "242", "604", "767",
              "809", "829", "849", "8001", "473", "671", "869", "345", "758", "670", "664", "787",
              "939", "721", "649", "868", "784", "284", "340", "800", "900", "555", "2", "9", "1"],
        "7": ["3", "4", "495", "6", "700", "701", "705", "727", "771", "8", "800", "9", "916"],
        "39": ["06", "06698", "3", "02", "0", "1", "8"],
        "44": ["7781", "7839", "7911", "1481", "7624", "1624", "74576", "7797", "1534", "7700",
               "20", "1", "800", "76", "56"],
        "47": ["79", "4", "2", "5", "8", "9"],
        "61": ["89162", "89164", "2", "4", "8", "1"],
        "212": ["528", "5288", "5289", "520", "6", "7", "8", "5"],
        "262": ["262", "269", "639", "692", "693", "8"],
        "290": ["8", "2", "5", "6", "9", "3"],
        "358": ["18", "1", "4", "9", "2"],
        "590": ["590", "59027", "59087", "690", "69010", "69022", "976"],
        "599": ["9", "7", "3", "4", "1", "5"],
    }
    for cc, prefixes in shared_prefixes.items():
        for prefix in prefixes:
            for _ in range(8):
                length = rng.choice([6, 7, 8, 9, 9, 10, 10, 10, 11])
                nsn = (prefix + rand_digits(rng, length))[:max(length, len(prefix) + 1)]
                add(dress(rng, cc + nsn, cc))

    # 4. Random digit strings of all lengths (mostly a mess; exercises the parser).
    for _ in range(400):
        n = rng.randint(1, 22)
        d = rng.choice("123456789") + rand_digits(rng, n - 1)
        add(dress(rng, d) if rng.random() < 0.7 else d)

    # 5. Unparseable / unplaceable inputs and edge cases.
    for raw in ["", " ", "+", "++", "+0", "0", "00", "000", "0000", "1", "12", "+12", "123", "+123",
                "not a number", "abc", "tel:", "0821234567", "+0821234567", "00 0821234567",
                "+00 27 82 123 4567", "++27821234567", "+999 123456", "+800 1234 5678",
                "+882 3456 7890", "+883 5100 1234 5678", "+870 773 111 632", "+979 1234 5678",
                "+808 1234 5678", "+881 6 1234 5678", "+888 123 456 789", "+878 1012 3456 7890",
                "1" * 25, "+" + "9" * 30, "27" + "1" * 16, "27" + "1" * 15, "44" + "0" * 18,
                "+44 0 7781 123456", "+44 (0) 20 7946 0958", "+39 06 698 12345", "+39 06 6982 1234",
                "+39 0669812345", "+7 8 495 123 45 67", "+1 1 212 555 0123", "+54 9 11 1234 5678",
                "+54 0 11 15 1234 5678", "+55 0 21 98765 4321", "+81 0 3 1234 5678",
                "+27 (0)82 123 4567", "(+27) 82-123-4567", "27.82.123.4567", "+27 82 123 4567 ext 1",
                "wa:27821234567", "0097517123939", "+97517123939", "97517123939",
                "+1 416 555 0123", "+1 212 555 0123", "+1 876 555 0123", "+7 701 123 4567",
                "+7 912 345 6789", "+44 7781 123456", "+44 7624 123456", "+212 528 123456",
                "27821234567", "421912123656", "3532212971", "212520123968", "002908995",
                "0018692361753", "00260211234335", "00262692123732", "26650123135", "+2672401693",
                "\uff0b\uff12\uff17\uff18\uff12\uff11\uff12\uff13\uff14\uff15\uff16\uff17",
                "+" + "".join(ARABIC_INDIC[c] for c in "971501234567"),
                "".join(FULLWIDTH.get(c, c) for c in "0044 7781 123456"),
                "+1\u00a0212\u00a0555\u00a00123", "+33 6 12 34 56 78", "+33 06 12 34 56 78"]:
        add(raw)

    # De-duplicate, keeping the first occurrence (the order stays deterministic).
    seen = set()
    lines = []
    for raw in inputs:
        if raw in seen:
            continue
        seen.add(raw)
        lines.append(f"{raw}\t{reference_region(raw) or 'ZZ'}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    regions = {line.rsplit("\t", 1)[1] for line in lines} - {"ZZ"}
    missing = set(phonenumbers.SUPPORTED_REGIONS) - regions
    print(f"wrote {out}: {len(lines)} lines, {len(regions)} regions (+ZZ), "
          f"{sum(l.endswith(chr(9) + 'ZZ') for l in lines)} ZZ lines, phonenumbers {phonenumbers.__version__}")
    if missing:
        print("regions never expected:", sorted(missing))


if __name__ == "__main__":
    main()
