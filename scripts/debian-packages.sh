# Sourced by test.sh and bench.sh: installs Debian's chromium and PostgreSQL server binaries when they are missing.
install_debian_packages() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "Please install: $* (Debian: sudo apt-get install -y $*)" >&2
    exit 1
  fi
  echo "Installing $* ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || exit 1
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] || install_debian_packages "${missing[@]}"
