#!/usr/bin/env bash
# Set up everything `make demo` and `make test` need on a Debian/Ubuntu machine, skipping each step
# that is already satisfied:
#   1. Debian packages (PostgreSQL, build headers, Chromium for the tours, wkhtmltopdf, a CJK font);
#   2. Odoo 18.0: an importable one, else the source tree named by ODOO_SRC, else a shallow clone of
#      the 18.0 branch into a cache folder outside the git tree (ODOO_CACHE);
#   3. a project-local virtualenv (.venv) with Odoo's requirements and the project's own tools.
# Prints one progress line per step. Needs root or sudo for step 1 only.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${CREDIT_VENV:-$ROOT/.venv}"
case "$VENV" in /*) ;; *) VENV="$ROOT/$VENV" ;; esac
ODOO_REPO="${ODOO_REPO:-https://github.com/odoo/odoo.git}"
ODOO_CACHE="${ODOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/credit-management/odoo-18.0}"
DEBIAN_PACKAGES=(postgresql postgresql-client libpq-dev libldap2-dev libsasl2-dev python3-venv
  python3-dev build-essential git chromium wkhtmltopdf fonts-wqy-zenhei fonts-dejavu-core
  poppler-utils)

step() { printf '==> %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages ----------------------------------------------------------------------
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "Debian packages: all present"
else
  command -v apt-get >/dev/null || die "not a Debian/Ubuntu machine: install ${missing[*]} yourself"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "root or sudo is needed to install: ${missing[*]}"
    SUDO="sudo"
  fi
  step "Debian packages: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# --- 2. Python 3.10-3.12 ---------------------------------------------------------------------
PYTHON=""
for candidate in "${PYTHON_BIN:-}" python3 python3.12 python3.11 python3.10; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null || continue
  if "$candidate" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))'; then
    PYTHON="$(command -v "$candidate")"
    break
  fi
done
[ -n "$PYTHON" ] || die "Odoo 18 needs Python 3.10-3.12; set PYTHON_BIN to one"

# --- 3. Odoo 18.0 ------------------------------------------------------------------------------
is_odoo18_tree() { [ -f "$1/odoo/release.py" ] && grep -q "^version_info = (18, 0" "$1/odoo/release.py"; }
odoo_importable() {
  (cd /tmp && "$1" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)') 2>/dev/null
}

# the console script a service (and a multi-worker server) runs
odoo_script_ok() {
  (cd /tmp && "$VENV/bin/odoo" --version &&
    "$VENV/bin/python" -c 'import pkg_resources; pkg_resources.require("gevent")') >/dev/null 2>&1
}

ODOO_TREE=""
SYSTEM_ODOO=""
if [ -x "$VENV/bin/python" ] && odoo_importable "$VENV/bin/python"; then
  step "Odoo 18: already in $VENV"
  if ! odoo_script_ok; then
    # importable, but its console script does not start (an older set-up): install it again
    ODOO_TREE="$(cd /tmp && "$VENV/bin/python" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)))')"
    [ -f "$ODOO_TREE/setup.py" ] || die "$VENV/bin/odoo does not start and $ODOO_TREE is no source tree"
  fi
elif odoo_importable "$PYTHON"; then
  SYSTEM_ODOO=1
  step "Odoo 18: importable by $PYTHON, used as it is"
elif [ -n "${ODOO_SRC:-}" ]; then
  is_odoo18_tree "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree"
  ODOO_TREE="$(cd "$ODOO_SRC" && pwd)"
  step "Odoo 18: source tree from ODOO_SRC ($ODOO_TREE)"
elif is_odoo18_tree "$ODOO_CACHE"; then
  ODOO_TREE="$ODOO_CACHE"
  step "Odoo 18: cached source tree ($ODOO_TREE)"
else
  step "Odoo 18: shallow clone of 18.0 from $ODOO_REPO into $ODOO_CACHE"
  mkdir -p "$(dirname "$ODOO_CACHE")"
  rm -rf "$ODOO_CACHE.partial"
  git clone --quiet --depth 1 --branch 18.0 "$ODOO_REPO" "$ODOO_CACHE.partial" ||
    die "could not clone Odoo 18.0; on a machine without access, set ODOO_SRC to an Odoo 18.0 tree"
  mv "$ODOO_CACHE.partial" "$ODOO_CACHE"
  ODOO_TREE="$ODOO_CACHE"
fi

# --- 4. Project virtualenv -------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
  step "virtualenv: creating $VENV"
  if [ -n "$SYSTEM_ODOO" ]; then
    "$PYTHON" -m venv --system-site-packages "$VENV"
  else
    "$PYTHON" -m venv "$VENV"
  fi
else
  step "virtualenv: $VENV"
fi
PIP=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
# Odoo's pinned requirements build from source on some Pythons and need an older setuptools;
# the constraint also reaches pip's isolated build environments.
CONSTRAINTS="$VENV/constraints.txt"
# gevent (the prefork server's long-polling worker) resolves its zope.* requirements through
# pkg_resources, which does not find wheels whose metadata folder is spelled zope_interface /
# zope_event (the newer ones): keep the last releases spelled zope.interface / zope.event.
printf '%s\n' "setuptools<70" "zope.interface==6.4.post2" "zope.event==5.0" >"$CONSTRAINTS"
export PIP_CONSTRAINT="$CONSTRAINTS"

stamp_ok() { [ -f "$VENV/$1.stamp" ] && [ "$(cat "$VENV/$1.stamp")" = "$2" ]; }
if [ -n "$ODOO_TREE" ]; then
  odoo_stamp="$ODOO_TREE $(sha1sum "$ODOO_TREE/requirements.txt" | cut -c1-40)"
  if stamp_ok odoo "$odoo_stamp" && odoo_importable "$VENV/bin/python" && odoo_script_ok; then
    step "Odoo requirements: installed"
  else
    step "Odoo requirements: installing into $VENV (a few minutes the first time)"
    "${PIP[@]}" "setuptools<70" wheel
    "${PIP[@]}" -r "$ODOO_TREE/requirements.txt"
    # editable: the `odoo` console script (multi-worker servers need it) runs this tree. PEP 660
    # in compat mode (a .pth naming the tree) copies Odoo's plain script; the legacy
    # `setup.py develop` wraps it in a pkg_resources check that fails on renamed dependencies
    # (gevent's "zope.interface", installed as zope_interface).
    "${PIP[@]}" --no-deps --no-build-isolation --use-pep517 \
      --config-settings editable_mode=compat -e "$ODOO_TREE"
    odoo_script_ok || die "$VENV/bin/odoo does not start"
    echo "$odoo_stamp" >"$VENV/odoo.stamp"
  fi
fi
dev_stamp="$(sha1sum "$ROOT/requirements-dev.txt" | cut -c1-40)"
if stamp_ok dev "$dev_stamp"; then
  step "project tools: installed"
else
  step "project tools: installing requirements-dev.txt"
  "${PIP[@]}" -r "$ROOT/requirements-dev.txt"
  echo "$dev_stamp" >"$VENV/dev.stamp"
fi
odoo_importable "$VENV/bin/python" || die "Odoo 18 is still not importable from $VENV"
step "ready: $("$VENV/bin/python" -c 'import odoo.release as r; print("Odoo", r.version)') in $VENV"
