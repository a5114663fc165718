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
    echo "dev.sh: installing claimx and its dependencies into .venv (log: .venv/install.log)" >&2
    if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".[test]"; } > .venv/install.log 2>&1; then
      tail -n 30 .venv/install.log >&2
      echo "dev.sh: the install failed; the whole log is .venv/install.log" >&2
      exit 1
    fi
    echo "$want" > "$stamp"
  fi
}

# the review page's test opens it in headless Chromium (Debian's package)
browser() {
  if command -v chromium >/dev/null 2>&1; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "dev.sh: installing chromium for the browser test (apt-get)" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "dev.sh: chromium is missing; install Debian's 'chromium' package (tests/test_review.py needs it)" >&2
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
    browser
    shift
    .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash dev.sh demo [ARTICLE...] | bash dev.sh test [PYTEST ARGS...]" >&2
    exit 2
    ;;
esac
