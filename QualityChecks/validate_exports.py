#!/usr/bin/env python3
"""Validates Aufwind's schedule and calendar exports as the programs that read them do.

- Frab XML against c3voc's schedule.xml.xsd (xmlschema, XSD 1.0 with its identity constraints),
- Frab JSON against c3voc's schema.json (jsonschema, draft 6, formats checked where the
  checker knows them) and its key order: `version` before `conference` (the c3voc converter
  writes XML in key order),
- iCalendar with the `icalendar` package's strict parser and `validate()` (RFC 5545: at least
  one component, every VEVENT with UID, DTSTAMP and DTSTART).

The schemas are read from ../shared/standards/c3voc/ (EUPL-1.2), never copied into the project.
Exit codes: 0 all valid, 1 findings (printed), 2 usage, 77 skipped (Python packages missing).

Usage: validate_exports.py [--schemas DIR] (--frab-xml FILE | --frab-json FILE | --ics FILE)...
"""
import argparse
import json
import os
import sys

SKIP = 77

try:
    import icalendar
    import jsonschema
    import xmlschema
except ImportError as error:
    print(f"Export-Prüfung übersprungen: Python-Paket fehlt ({error.name}); pip install xmlschema jsonschema icalendar")
    sys.exit(SKIP)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMAS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "standards", "c3voc"))


def check_frab_xml(path, schemas):
    schema = xmlschema.XMLSchema10(os.path.join(schemas, "schedule.xml.xsd"))
    return [f"{path}: {error.reason} (bei {error.path})" for error in schema.iter_errors(path)]


def check_frab_json(path, schemas):
    with open(os.path.join(schemas, "schema.json"), encoding="utf-8") as file:
        schema = json.load(file)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    findings = []
    try:
        document = json.loads(text, object_pairs_hook=lambda pairs: pairs)
    except json.JSONDecodeError as error:
        return [f"{path}: kein JSON ({error})"]
    schedule = dict(document).get("schedule") or []
    keys = [key for key, _ in schedule]
    if "version" not in keys or "conference" not in keys or keys.index("version") > keys.index("conference"):
        findings.append(f"{path}: schedule muss `version` vor `conference` haben, hat {keys}")
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    for error in validator.iter_errors(json.loads(text)):
        location = "/".join(str(part) for part in error.absolute_path)
        findings.append(f"{path}: {error.message} (bei /{location})")
    return findings


def check_ics(path):
    with open(path, "rb") as file:
        data = file.read()
    findings = []
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        findings.append(f"{path}: Zeilen müssen mit CRLF enden")
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as error:  # the parser's own errors: ValueError and subclasses
        return findings + [f"{path}: nicht lesbar ({error})"]
    if len(calendars) != 1:
        findings.append(f"{path}: genau ein VCALENDAR erwartet, gefunden {len(calendars)}")
    for calendar in calendars:
        try:
            calendar.validate()
        except Exception as error:
            findings.append(f"{path}: {type(error).__name__}: {error}")
        for name in ("VERSION", "PRODID"):
            if name not in calendar:
                findings.append(f"{path}: {name} fehlt")
        for event in calendar.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART"):
                if name not in event:
                    findings.append(f"{path}: VEVENT ohne {name}")
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", default=DEFAULT_SCHEMAS)
    parser.add_argument("--frab-xml", action="append", default=[])
    parser.add_argument("--frab-json", action="append", default=[])
    parser.add_argument("--ics", action="append", default=[])
    arguments = parser.parse_args()
    if not (arguments.frab_xml or arguments.frab_json or arguments.ics):
        parser.print_usage()
        return 2
    findings = []
    for path in arguments.frab_xml:
        findings += check_frab_xml(path, arguments.schemas)
    for path in arguments.frab_json:
        findings += check_frab_json(path, arguments.schemas)
    for path in arguments.ics:
        findings += check_ics(path)
    checked = len(arguments.frab_xml) + len(arguments.frab_json) + len(arguments.ics)
    if findings:
        print("FAILURES")
        print("\n".join(findings))
        return 1
    print(f"{checked} Exporte gültig")
    return 0


if __name__ == "__main__":
    sys.exit(main())
