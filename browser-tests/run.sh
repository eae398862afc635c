#!/usr/bin/env bash
# Browser tests: start Tollgate on free ports with a fresh H2 database, create an admin and an ordinary user,
# then drive the pages in headless Chromium (node --test, playwright-core, /usr/bin/chromium).
# Usage: browser-tests/run.sh [extra node --test arguments, e.g. --test-name-pattern=Deny]
# Needs: java 17, node >= 20, chromium, and `npm ci` done in browser-tests/. Screenshots: target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

chromium_bin=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium_bin" ] || { echo "run.sh: no Chromium at $chromium_bin (apt-get install chromium, or set CHROMIUM)" >&2; exit 2; }
[ -d browser-tests/node_modules/playwright-core ] || { echo "run.sh: run 'npm ci' in browser-tests/ first" >&2; exit 2; }
if [ ! -f target/tollgate.jar ]; then
  mvn -q -B -DskipTests package
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-browser.XXXXXX")
server_pid=
stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
answers() {  # node, not curl: one less thing for a fresh CI machine to install
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
random_secret() {
  node -e 'console.log(require("crypto").randomBytes(18).toString("base64url"))'
}

export HTTP_PORT ADMIN_PORT
HTTP_PORT=$(free_port)
ADMIN_PORT=$(free_port)
while [ "$ADMIN_PORT" = "$HTTP_PORT" ]; do ADMIN_PORT=$(free_port); done
export HTTP_BIND_HOST=127.0.0.1
export DATABASE_URL="jdbc:h2:file:$work/db;AUTO_SERVER=TRUE"
export PASSWORD_ITERATIONS=10000
export LOG_LEVEL=WARN TOLLGATE_LOG_LEVEL=WARN
# The issuer has a path, as the reference system's (Django OAuth Toolkit: http://host/o), so relying parties moved
# from it are tested as they are configured; the endpoints stay at $BASE_URL/o/authorize/ etc.
export BASE_URL="http://127.0.0.1:$HTTP_PORT"
export OAUTH_ISSUER="$BASE_URL/o" ISSUER="$BASE_URL/o"
tollgate() { java -jar target/tollgate.jar "$@"; }

tollgate db migrate config.yml >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
# java itself in the background (not through the shell function), so $! is the server and stop() ends it.
java -jar target/tollgate.jar server config.yml >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    code=0; wait "$server_pid" || code=$?
    echo "run.sh: the server exited during start-up (status $code):" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  if answers "$BASE_URL/accounts/login/"; then
    break
  fi
  sleep 0.5
done
answers "$BASE_URL/accounts/login/" || { echo "run.sh: no answer from $BASE_URL" >&2; cat "$work/server.log" >&2; exit 1; }

# The operator's way in, while the server runs (the H2 file is shared through AUTO_SERVER).
export ADMIN_USERNAME=admin ADMIN_PASSWORD USER_USERNAME=alice USER_PASSWORD
ADMIN_PASSWORD=$(random_secret)
USER_PASSWORD=$(random_secret)
printf '%s\n' "$ADMIN_PASSWORD" | tollgate createsuperuser --username "$ADMIN_USERNAME" --email a@example.com config.yml \
  >"$work/createsuperuser.log" 2>&1 || { cat "$work/createsuperuser.log" >&2; exit 1; }

# The ordinary user comes from the API, with a token the admin gets through a bootstrap application.
tollgate createapplication --name "Browser tests bootstrap" --client-type confidential --grant-types password \
  config.yml >"$work/bootstrap.json" 2>"$work/createapplication.log" || { cat "$work/createapplication.log" >&2; exit 1; }
node "$root/browser-tests/lib/create-user.mjs" "$work/bootstrap.json"

mkdir -p target/screenshots
export SCREENSHOT_DIR="$root/target/screenshots"
export CHROMIUM="$chromium_bin"

status=0
(cd browser-tests && node --test --test-concurrency=1 "$@" tests/) || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (warnings and errors) ---" >&2
  tail -n 60 "$work/server.log" >&2
fi
exit "$status"
