#!/usr/bin/env bash
# Lints every service's OpenAPI document (written by its build to target/openapi) with Spectral and the ruleset
# beside this script. Any error or warning fails the build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bash "$here/install.sh"
docs=()
for m in placement-service provider-registry-service inclusion-panel-service finance-service notification-service; do
  doc="$root/$m/target/openapi/openapi.yaml"
  if [ ! -f "$doc" ]; then
    echo "no OpenAPI document at $doc: package $m first" >&2
    exit 1
  fi
  docs+=("$doc")
done
"$here/node_modules/.bin/spectral" lint --ruleset "$here/.spectral.yaml" --fail-severity warn "${docs[@]}"
