#!/usr/bin/env bash
# Smoke test of the Linux bundles built by packaging/build.sh (it does not build them; run that first).
#  1. app-image: starts bin/Tern on a private Xvfb, waits for the main window, takes a screenshot
#     (packaging/target/smoke-app-image.png), closes the window like a user (WM_DELETE_WINDOW) and checks that
#     the process exits with code 0 and printed no AOT-cache error.
#  2. .deb: checks its control data (Depends has libgtk-3-0, the menu entry, LICENSE, NOTICE and the generated
#     THIRD-PARTY.txt), unpacks it with dpkg-deb -x into a throwaway root, runs the `tern` CLI launcher (--help,
#     and that it loads dev.tern.app.Main from the AOT cache), then the GUI launcher as in 1 (screenshot
#     packaging/target/smoke-deb.png).
#     With --install it instead installs the .deb on this machine (apt-get install ./tern_*.deb; root only),
#     checks the /usr/bin/tern link, starts both launchers, then purges the package again.
# Needs: Xvfb, xdotool, ImageMagick's import, dpkg-deb, and the JDK 25 (for the small window-closing tool):
#   apt-get install xvfb xdotool imagemagick
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
tern_pkg_init
[ "$TERN_OS" = linux ] || tern_pkg_fail "the smoke test runs on Linux only"

install_mode=""
for arg in "$@"; do
  case "$arg" in
    --install) install_mode=1 ;;
    *) tern_pkg_fail "unknown argument '$arg' (only --install)" ;;
  esac
done

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
command -v import >/dev/null 2>&1 || missing+=(imagemagick)
command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
[ ${#missing[@]} -eq 0 ] || tern_pkg_fail "missing tools: apt-get install ${missing[*]}"
[ -x "$GUI_LAUNCHER" ] || tern_pkg_fail "no app-image at ${IMAGE#"$ROOT"/}: run packaging/build.sh first"
DEB="$(ls "$TARGET"/tern_*.deb 2>/dev/null | head -1 || true)"
[ -n "$DEB" ] || tern_pkg_fail "no .deb in ${TARGET#"$ROOT"/}: run packaging/build.sh first"

started=$SECONDS
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tern-smoke.XXXXXX")"
# every launch gets an empty settings folder: the user's own would restore (and reconnect) their open tabs, and a
# quit with sessions open asks for confirmation, so the window would not close on its own
export TERN_CONFIG_DIR="$WORK/config"
XVFB_PID=""
APP_PID=""
installed=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  if [ -n "$installed" ]; then
    echo "smoke: purging the installed package after a failure" >&2
    apt-get purge -y -qq tern >/dev/null 2>&1 || dpkg --purge tern >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "smoke: FAIL: $*" >&2
  exit 1
}

# A private X server, so windows of other programs on a shared display cannot be mistaken for ours.
display_number=90
while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do display_number=$((display_number + 1)); done
Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$display_number"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start on $DISPLAY: $(cat "$WORK/xvfb.log")"

# Starts a GUI launcher, waits for its window, screenshots it, closes it, and checks the exit code.
gui_check() {  # $1 = launcher, $2 = label (screenshot name)
  local launcher=$1 label=$2 log="$WORK/$2.log" window="" t0=$SECONDS
  "$launcher" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 300); do
    window="$(xdotool search --onlyvisible --name "^$TERN_NAME\$" 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$log" >&2; fail "$label: $launcher exited before showing a window"; }
    sleep 0.1
  done
  [ -n "$window" ] || { cat "$log" >&2; fail "$label: no visible window named $TERN_NAME after 30 s"; }
  local shown=$((SECONDS - t0))
  sleep 2 # let it paint
  import -window root "$TARGET/smoke-$label.png"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "$PKG_DIR/tools/CloseWindow.java" "$window" \
    || fail "$label: could not send WM_DELETE_WINDOW to window $window"
  local rc=0 waited=0
  while kill -0 "$APP_PID" 2>/dev/null && [ $waited -lt 150 ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$APP_PID" 2>/dev/null; then
    cat "$log" >&2
    fail "$label: still running 15 s after its window was closed"
  fi
  wait "$APP_PID" || rc=$?
  APP_PID=""
  [ "$rc" -eq 0 ] || { cat "$log" >&2; fail "$label: exited with code $rc after its window was closed"; }
  if grep -qE '\[error\]\[aot|Exception' "$log"; then
    cat "$log" >&2
    fail "$label: errors in its output"
  fi
  echo "smoke: ok  $label: window after ~${shown} s, screenshot ${TARGET#"$ROOT"/}/smoke-$label.png, closed, exit code 0"
}

# The CLI launcher: prints its usage, exits 0, and loads the app's classes from the AOT cache.
cli_check() {  # $1 = launcher, $2 = label
  local launcher=$1 label=$2 out rc=0
  out="$("$launcher" --help 2>&1)" || rc=$?
  [ "$rc" -eq 0 ] && grep -q "Usage" <<<"$out" || fail "$label: '$launcher --help' exited $rc: $out"
  if grep -q -- '-XX:AOTCache' "$(dirname "$(readlink -f "$launcher")")/../lib/app/$TERN_CLI_NAME.cfg" 2>/dev/null; then
    out="$(JAVA_TOOL_OPTIONS='-Xlog:class+load=info' "$launcher" --help 2>&1)" || true
    grep -q 'dev.tern.app.Main source: shared objects file' <<<"$out" \
      || fail "$label: dev.tern.app.Main was not loaded from the AOT cache: $(grep -E 'aot|dev.tern.app.Main' <<<"$out" | head -5)"
    echo "smoke: ok  $label: 'tern --help' exits 0 and uses the AOT cache"
  else
    echo "smoke: ok  $label: 'tern --help' exits 0 (this build has no AOT cache)"
  fi
}

gui_check "$GUI_LAUNCHER" app-image

# The .deb's metadata
control="$(dpkg-deb -f "$DEB")"
depends="$(sed -n 's/^Depends: //p' <<<"$control")"
grep -qE '(^|, *)libgtk-3-0($|[ ,(])' <<<"$depends" || fail ".deb Depends lacks libgtk-3-0: $depends"
contents="$(dpkg-deb -c "$DEB")"
grep -q './opt/tern/lib/tern-Tern.desktop' <<<"$contents" || fail ".deb has no desktop entry"
for legal in LICENSE NOTICE THIRD-PARTY.txt; do
  [ -s "$IMAGE_APP/$legal" ] || fail "the app-image lacks lib/app/$legal"
  grep -q "./opt/tern/lib/app/$legal\$" <<<"$contents" || fail ".deb lacks /opt/tern/lib/app/$legal"
done
grep -q "Apache License" "$IMAGE_APP/LICENSE" && grep -q "pty4j" "$IMAGE_APP/THIRD-PARTY.txt" \
  || fail "LICENSE or THIRD-PARTY.txt in the app-image do not read as expected"
postinst="$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst)"
grep -q 'xdg-desktop-menu install /opt/tern/lib/tern-Tern.desktop' <<<"$postinst" \
  || fail ".deb postinst does not install the menu entry"
echo "smoke: ok  $(basename "$DEB"): Depends lists $(tr ',' '\n' <<<"$depends" | grep -c .) packages incl. libgtk-3-0; menu entry; postinst"

if [ -n "$install_mode" ]; then
  [ "$(id -u)" -eq 0 ] || fail "--install needs root (it runs apt-get install)"
  ! dpkg-query -W tern >/dev/null 2>&1 || fail "a tern package is already installed; remove it first (apt-get purge tern)"
  installed=1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; fail "apt-get install of the .deb failed"; }
  [ "$(readlink /usr/bin/tern)" = /opt/tern/bin/tern ] || fail "/usr/bin/tern is not a link to /opt/tern/bin/tern"
  cli_check /usr/bin/tern deb-installed
  gui_check /opt/tern/bin/Tern deb
  apt-get purge -y -qq tern >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; fail "apt-get purge tern failed"; }
  installed=""
  [ ! -e /opt/tern/bin/Tern ] && [ ! -e /usr/bin/tern ] || fail "files left after apt-get purge tern"
  echo "smoke: ok  .deb installed with apt-get, both launchers work, purged cleanly"
else
  dpkg-deb -x "$DEB" "$WORK/root"
  cli_check "$WORK/root/opt/tern/bin/tern" deb-unpacked
  gui_check "$WORK/root/opt/tern/bin/Tern" deb
  echo "smoke: ok  .deb unpacked into a throwaway root; both launchers work"
fi
echo "smoke: all passed in $((SECONDS - started)) s"
