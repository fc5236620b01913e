#!/usr/bin/env bash
# Installs the pinned Spectral and TypeScript (package-lock.json) from the npm registry when they are missing,
# and Node.js itself from Debian's packages when it is missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Node.js and npm (Debian packages) for the OpenAPI lint and the TypeScript clients..."
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm) >/dev/null
  else
    echo "npm is missing: install Node.js 20+ and npm (the OpenAPI lint and the TypeScript clients need them)" >&2
    exit 1
  fi
fi
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/tsc ] \
    || ! cmp -s package-lock.json node_modules/.package-lock.json.installed; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.installed
fi
