#!/usr/bin/env bash
# One entry point for set-up: creates or reuses .venv, installs claimx, then
#   bash dev.sh demo   runs `claimx extract` on a sample article
#   bash dev.sh test   runs the test suite (what .ci/run calls)
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

setup() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  # reinstall only when the package's declared dependencies change
  stamp=.venv/.claimx-installed
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
    .venv/bin/python -m pip install --quiet -e ".[test]" 2>&1 | grep -v '^WARNING: Location' || true
    .venv/bin/python -c "import claimx, spacy" # fail loudly if the install did not take
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  demo)
    setup
    shift
    .venv/bin/claimx extract "${@:-seeds/001_7675fc0b2fed4aaf.txt}"
    ;;
  test)
    setup
    shift
    .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash dev.sh demo [ARTICLE...] | bash dev.sh test [PYTEST ARGS...]" >&2
    exit 2
    ;;
esac
