#!/usr/bin/env bash
# Real-window tests: the built app under Xvfb, driven by tauri-driver + WebKitWebDriver, in a throw-away
# D-Bus session with an unlocked throw-away gnome-keyring. Screenshots land in target/screenshots/.
#
# Usage: PONTE_APP_BINARY=target/debug/ponte-app bash .ci/window-tests.sh [cargo test filter/args...]
# The binary must be built with `cargo build --features tauri/custom-protocol` (serves ui/dist).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'window-tests: %s\n' "$*" >&2; exit 1; }

bin="${PONTE_APP_BINARY:-target/debug/ponte-app}"
[[ "$bin" = /* ]] || bin="$PWD/$bin"
[ -x "$bin" ] || die "app binary $bin is missing: cargo build --features tauri/custom-protocol --bin ponte-app"
export PONTE_APP_BINARY="$bin"

for tool in xvfb-run dbus-run-session dbus-send gnome-keyring-daemon WebKitWebDriver; do
  command -v "$tool" >/dev/null ||
    die "$tool is missing: apt-get install xvfb xauth dbus gnome-keyring webkit2gtk-driver (or bash .ci/install)"
done
if ! command -v tauri-driver >/dev/null; then
  if [ -x "$HOME/.cargo/bin/tauri-driver" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "cargo install tauri-driver --locked"
    cargo install tauri-driver --locked
  fi
fi

# Compile outside the display session, so a compile error reads as one.
say "building the window tests"
cargo test -p ponte-e2e --no-run

# Every process started below carries this marker in its environment (daemons included), so the trap
# can end exactly those, by pid, whatever happens.
run_dir=$(mktemp -d /tmp/ponte-window-tests.XXXXXX)
marker="PONTE_WINDOW_TESTS_RUN=$run_dir"
ours() {
  local env_file pid
  for env_file in /proc/[0-9]*/environ; do
    pid=${env_file#/proc/}; pid=${pid%/environ}
    [ "$pid" = "$$" ] && continue
    grep -qzxF "$marker" "$env_file" 2>/dev/null && echo "$pid"
  done
  return 0
}
cleanup() {
  local status=$? left
  trap - EXIT INT TERM
  # After a clean run, what is left (Xvfb, daemons of the D-Bus session) ends by itself within moments.
  for _ in $(seq 30); do left=$(ours); [ -z "$left" ] && break; sleep 0.1; done
  if [ -n "$left" ]; then
    ps -o pid=,comm= -p "$(echo $left | tr ' ' ',')" 2>/dev/null | sed 's/^ */window-tests: ending left-over /' >&2 || true
    kill -TERM $left 2>/dev/null || true
    for _ in $(seq 50); do left=$(ours); [ -z "$left" ] && break; sleep 0.1; done
    [ -n "$left" ] && kill -KILL $left 2>/dev/null || true
  fi
  # xdg-document-portal (started through D-Bus by WebKit) mounts a FUSE folder in the runtime dir.
  if mountpoint -q "$run_dir/runtime/doc" 2>/dev/null; then
    fusermount3 -u -z "$run_dir/runtime/doc" 2>/dev/null || umount -l "$run_dir/runtime/doc" 2>/dev/null || true
  fi
  rm -rf "$run_dir" 2>/dev/null || echo "window-tests: could not remove $run_dir" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$run_dir/data" "$run_dir/config" "$run_dir/cache" "$run_dir/runtime" "$run_dir/tmp"
chmod 700 "$run_dir/runtime"

say "window tests under Xvfb (screenshots in target/screenshots/)"
# No WEBKIT_DISABLE_COMPOSITING_MODE: with it, WebKitWebDriver's screenshot endpoint never answers here
# (webkit2gtk 4.1, Xvfb), and the window renders fine without it.
# The tests' temp folders go under $run_dir/tmp, removed below whatever happens; a failing test copies
# its screenshot, page source and logs to target/screenshots/failure-*.
env -u WEBKIT_DISABLE_COMPOSITING_MODE "$marker" TMPDIR="$run_dir/tmp" \
  XDG_DATA_HOME="$run_dir/data" XDG_CONFIG_HOME="$run_dir/config" XDG_CACHE_HOME="$run_dir/cache" \
  XDG_RUNTIME_DIR="$run_dir/runtime" RUST_BACKTRACE=0 \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash -c '
    printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec cargo test -p ponte-e2e -- --test-threads=1 "$@"' window-tests "$@" &
wait $!
