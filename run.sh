#!/usr/bin/env bash
# Runs EditorialPortal on http://127.0.0.1:${PORTAL_PORT:-5000} in Development.
# Without ConnectionStrings__Marten it starts (and later stops) its own PostgreSQL under .data/.
set -euo pipefail
cd "$(dirname "$0")"

port="${PORTAL_PORT:-5000}"
echo "Building EditorialPortal..."
dotnet build EditorialPortal/EditorialPortal.csproj -c Debug -nologo -v quiet

# Arguments go to the portal itself (such as --verify-record); without any, it serves the portal.
[ $# -eq 0 ] && cat <<MSG

EditorialPortal: http://127.0.0.1:${port}
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
The demo journal's reader site: http://127.0.0.1:${port}/read/demonstrative-results
Stop with Ctrl-C.

MSG

run_portal() {
  (cd EditorialPortal && ASPNETCORE_ENVIRONMENT=Development Portal__PublicUrl="${Portal__PublicUrl:-http://127.0.0.1:${port}}" dotnet run --no-build --no-launch-profile --urls "http://127.0.0.1:${port}" "$@")
}

set +e
run_portal "$@"
status=$?
set -e
# 78: no database configured and no PostgreSQL server binaries to start one.
if [ "$status" -eq 78 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql (server binaries for the portal's private database)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    run_portal "$@"
  else
    echo "Install PostgreSQL's server binaries (Debian: sudo apt-get install postgresql)," >&2
    echo "or point the portal at a server: export ConnectionStrings__Marten='Host=...;Username=...;Password=...;Database=...'" >&2
    exit 78
  fi
else
  exit "$status"
fi
