# Shared helpers for scripts/*: each `need_*` installs what is missing, idempotently, or stops
# with a message that says what to do.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_cargo() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then rerun."
}

need_wasm_target() {
  need_cargo
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || die "rustup could not add wasm32-unknown-unknown"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
need_wasm_bindgen() {
  need_cargo
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock (run: cargo generate-lockfile)"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: one of its locked dependency versions is not served by the registry.
    cargo install wasm-bindgen-cli --version "$want" --force \
      || die "cargo install wasm-bindgen-cli --version $want failed"
  fi
}

need_node_modules() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20+ (apt-get install -y nodejs npm), then rerun."
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.dateline-lock; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund >&2 || die "npm ci failed"
    cp package-lock.json node_modules/.dateline-lock
  fi
}

need_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" != 0 ]; then
      die "Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium chromium-driver', then rerun."
    fi
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 \
      || die "apt-get install chromium chromium-driver failed"
  fi
}
