#!/usr/bin/env bash
# Runs EditorialPortal on http://127.0.0.1:${PORTAL_PORT:-5000} in Development, and beside it the research-integrity
# application on http://127.0.0.1:${INTEGRITY_PORT:-5001}, which reads the portal's record over HTTP only.
# Without ConnectionStrings__Marten the portal starts (and later stops) its own PostgreSQL under .data/; the integrity
# application keeps its own database on that cluster unless ConnectionStrings__Integrity names another.
set -euo pipefail
cd "$(dirname "$0")"

port="${PORTAL_PORT:-5000}"
integrity_port="${INTEGRITY_PORT:-5001}"
portal_url="http://127.0.0.1:${port}"
echo "Building EditorialPortal..."
dotnet build EditorialPortal/EditorialPortal.csproj -c Debug -nologo -v quiet
dotnet build EditorialPortal.Integrity/EditorialPortal.Integrity.csproj -c Debug -nologo -v quiet

run_portal() {
  (cd EditorialPortal && ASPNETCORE_ENVIRONMENT=Development Portal__PublicUrl="${Portal__PublicUrl:-${portal_url}}" exec dotnet bin/Debug/net10.0/EditorialPortal.dll --urls "${portal_url}" "$@")
}

install_postgres() {
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql (server binaries for the portal's private database)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "Install PostgreSQL's server binaries (Debian: sudo apt-get install postgresql)," >&2
    echo "or point the portal at a server: export ConnectionStrings__Marten='Host=...;Username=...;Password=...;Database=...'" >&2
    exit 78
  fi
}

# Arguments go to the portal itself (such as --verify-record), which does its work and ends.
if [ $# -gt 0 ]; then
  set +e
  run_portal "$@"
  status=$?
  set -e
  # 78: no database configured and no PostgreSQL server binaries to start one.
  if [ "$status" -eq 78 ]; then install_postgres; run_portal "$@"; else exit "$status"; fi
  exit
fi

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT INT TERM

# Starts the portal in the background and waits until it answers; answers 78 if it found no PostgreSQL to run.
start_portal() {
  run_portal & portal_pid=$!
  for _ in $(seq 1 240); do
    if curl -fs "${portal_url}/health" >/dev/null 2>&1; then pids+=("$portal_pid"); return 0; fi
    if ! kill -0 "$portal_pid" 2>/dev/null; then
      set +e; wait "$portal_pid"; local status=$?; set -e
      return "$status"
    fi
    sleep 0.5
  done
  echo "The portal did not answer within two minutes." >&2
  return 1
}

set +e
start_portal
status=$?
set -e
if [ "$status" -eq 78 ]; then install_postgres; start_portal; elif [ "$status" -ne 0 ]; then exit "$status"; fi

# The integrity application reads as a service identity: a personal access token of the demo's integrity analyst,
# kept under .data/ and made again when it no longer works.
mkdir -p .data
token_file=.data/integrity-token
integrity_token() {
  if [ -s "$token_file" ] && curl -fs -H "Authorization: Bearer $(cat "$token_file")" "${portal_url}/api/history/facts?limit=1" >/dev/null; then
    cat "$token_file"; return
  fi
  local bearer
  bearer=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"ivan@demopress.example","password":"demo-password"}' "${portal_url}/api/auth/token" | jq -r .accessToken) || return 1
  curl -fs -H "Authorization: Bearer ${bearer}" -H 'Content-Type: application/json' -d '{"name":"Research-integrity application (run.sh)"}' \
    "${portal_url}/api/me/tokens" | jq -r .token > "$token_file"
  cat "$token_file"
}

integrity_db="${ConnectionStrings__Integrity:-}"
if [ -z "$integrity_db" ] && [ -z "${ConnectionStrings__Marten:-}" ]; then
  integrity_db="Host=127.0.0.1;Port=${Portal__PostgresPort:-5433};Username=postgres;Database=integrity"
fi

cat <<MSG

EditorialPortal: ${portal_url}
Demo sign-ins (password for everyone: demo-password):
  alice@uni-bristol.example    Alice Author, author
  bob@ethz.example             Bob Coauthor, second author
  erin@utoronto.example        Erin Editor, editor-in-chief
  hugo@uchile.example          Hugo Handler, handling editor
  rita@kyoto-u.example         Rita Reviewer, reviewer
  pia@demopress.example        Pia Production, production editor
  cora@demopress.example       Cora Copyeditor, copyeditor
  tom@demopress.example        Tom Typesetter, typesetter
  ivan@demopress.example       Ivan Integrity, integrity analyst
  ada@demopress.example        Ada Admin, journal administrator
  sam@demopress.example        Sam Sysadmin, system administrator
The demo journal's reader site: ${portal_url}/read/demonstrative-results
MSG

if [ -z "$integrity_db" ]; then
  echo "Research integrity: not started; say where its database is with ConnectionStrings__Integrity."
elif ! token=$(integrity_token) || [ -z "$token" ] || [ "$token" = null ]; then
  echo "Research integrity: not started; the portal gave no token for ivan@demopress.example."
else
  (cd EditorialPortal.Integrity && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Integrity="$integrity_db" Portal__Url="${portal_url}" Portal__Token="$token" \
    exec dotnet bin/Debug/net10.0/EditorialPortal.Integrity.dll --urls "http://127.0.0.1:${integrity_port}") &
  pids+=("$!")
  echo "Research integrity: http://127.0.0.1:${integrity_port} (sign in as ivan@demopress.example)"
fi
echo "Stop with Ctrl-C."
echo

wait -n "${pids[@]}"
