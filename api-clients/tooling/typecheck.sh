#!/usr/bin/env bash
# Type-checks each generated TypeScript client (strict), as a front end compiling it would.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
generated="$1"
bash "$here/install.sh"
for client in "$generated"/*/; do
  cat > "$client/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "es2022",
    "module": "es2022",
    "moduleResolution": "bundler",
    "lib": ["es2022", "dom"],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true
  },
  "include": ["**/*.ts"]
}
JSON
  echo "tsc: $(basename "$client")"
  "$here/node_modules/.bin/tsc" -p "$client/tsconfig.json"
done
