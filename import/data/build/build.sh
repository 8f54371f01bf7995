#!/bin/sh
# Regenerates the gazetteer JSON files in import/data/ from the source tables in this folder.
# Run from anywhere: sh import/data/build/build.sh
set -e
cd "$(dirname "$0")"
node build-municipalities.mjs ../municipalities.json
python3 build-names.py ../first-names.json
python3 build-orgs.py ../organisations.json
python3 build-patterns.py ../org-patterns.json
python3 build-roles.py ../roles.json
python3 build-particles.py ../particles.json
python3 build-stopwords.py ../stopwords.json
