# shellcheck shell=bash
# Sourced by packaging/build.sh, packaging/windows/build-msi.sh and packaging/macos/build-dmg.sh: the steps every
# platform shares. Stage the jars, jlink a trimmed runtime, jpackage an app-image with the GUI launcher and the
# `tern` CLI launcher, then record a JDK 25 AOT cache with a training run. The installers are built from that
# app-image, so all three platforms ship the same layout, modules, JVM options and cache.
# Runs with bash on Linux, macOS and Windows (Git Bash, as on GitHub's Windows runners).

TERN_NAME="Tern"                 # product name, GUI launcher, window title
TERN_VENDOR="Tern"
TERN_DESCRIPTION="Desktop terminal with a built-in, pure-Java Mosh client"
TERN_MAIN_CLASS="dev.tern.app.Main"
TERN_COPYRIGHT="Copyright (c) the Tern authors"
# JDK modules: java.desktop (JediTermFX, JNA), java.logging (JNA, JSch, protobuf, Jackson), java.sql (Jackson,
# Bouncy Castle), java.naming (Bouncy Castle), java.security.jgss (JSch gssapi-with-mic), java.management (JLine),
# jdk.unsupported (sun.misc.Unsafe: protobuf, Kotlin), jdk.charsets (the terminal encodings outside java.base),
# jdk.security.auth + jdk.net (dbus-java, under the Secret Service keyring on Linux). Left out: jdk.httpserver
# (only JLine's optional builtins). Check again when dependencies change:
#   jdeps --multi-release 25 --ignore-missing-deps --print-module-deps --class-path 'packaging/target/input/*' JAR...
#   on the non-JediTermFX jars (it stops at jeditermfx-ui's missing purejavacomm), and javap module-info.class.
# JavaFX: javafx.controls pulls javafx.graphics and javafx.base.
TERN_MODULES="java.base,java.desktop,java.logging,java.sql,java.naming,java.security.jgss,java.management,jdk.unsupported,jdk.charsets,jdk.security.auth,jdk.net,javafx.controls"
# --strip-native-commands is left out on purpose: writing the AOT cache starts the runtime's own bin/java.
# No --compress: a compressed modules file costs start time (see docs/ARCHITECTURE.md §11).
TERN_JLINK_OPTIONS=(--strip-debug --no-man-pages --no-header-files)
[ -n "${TERN_PKG_COMPRESS:-}" ] && TERN_JLINK_OPTIONS+=("--compress=$TERN_PKG_COMPRESS")  # experiments: zip-6 ...
TERN_JAVA_OPTIONS=("--enable-native-access=javafx.graphics,ALL-UNNAMED")
TERN_CLI_JAVA_OPTIONS=("-XX:+UseSerialGC" "-XX:TieredStopAtLevel=1" "-XX:CompileThresholdScaling=0.1")  # as ./tern: why there
# the desktop app: its heap small at the start and given back after a flood and when idle, C1 only (as ./tern: why there)
TERN_GUI_JAVA_OPTIONS=("-Xms64m" "-XX:G1PeriodicGCInterval=3000" "-XX:MinHeapFreeRatio=10" "-XX:MaxHeapFreeRatio=20"
  "-XX:TrimNativeHeapInterval=3000" "-XX:TieredStopAtLevel=1")
TERN_AOT_FILE="tern.aot"

tern_pkg_fail() {
  echo "packaging: $*" >&2
  exit 1
}

tern_pkg_log() {
  echo "packaging: $*" >&2
}

# Sets the paths and names for this OS. Call first.
tern_pkg_init() {
  PKG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  ROOT="$(cd "$PKG_DIR/.." && pwd)"
  TARGET="${TERN_PKG_TARGET:-$PKG_DIR/target}"
  source "$ROOT/scripts/find-jdk.sh"
  tern_find_jdk || exit 1

  case "$(uname -s)" in
    Linux*) TERN_OS=linux ;;
    Darwin*) TERN_OS=mac ;;
    MINGW* | MSYS* | CYGWIN*) TERN_OS=windows ;;
    *) tern_pkg_fail "unsupported OS $(uname -s)" ;;
  esac

  local exe=""
  [ "$TERN_OS" = windows ] && exe=".exe"
  JPACKAGE="$JAVA_HOME/bin/jpackage$exe"
  JLINK="$JAVA_HOME/bin/jlink$exe"
  JAR="$JAVA_HOME/bin/jar$exe"
  [ -x "$JPACKAGE" ] && [ -x "$JLINK" ] || tern_pkg_fail "jpackage/jlink missing in $JAVA_HOME (a full JDK 25 is needed, not a JRE)"

  # The CLI launcher is `tern`; on the case-insensitive file systems of Windows and macOS that name clashes with
  # the GUI launcher `Tern`, so there it is `tern-cli`.
  case "$TERN_OS" in
    linux)
      TERN_CLI_NAME=tern
      IMAGE="$TARGET/app-image/$TERN_NAME"
      IMAGE_APP="$IMAGE/lib/app"
      GUI_LAUNCHER="$IMAGE/bin/$TERN_NAME"
      CLI_LAUNCHER="$IMAGE/bin/$TERN_CLI_NAME"
      NATIVE_DIR=lib
      ICON="$ROOT/assets/icons/tern-256.png"
      ;;
    mac)
      TERN_CLI_NAME=tern-cli
      IMAGE="$TARGET/app-image/$TERN_NAME.app"
      IMAGE_APP="$IMAGE/Contents/app"
      GUI_LAUNCHER="$IMAGE/Contents/MacOS/$TERN_NAME"
      CLI_LAUNCHER="$IMAGE/Contents/MacOS/$TERN_CLI_NAME"
      NATIVE_DIR=lib
      ICON="$ROOT/assets/icons/tern.icns"
      ;;
    windows)
      TERN_CLI_NAME=tern-cli
      IMAGE="$TARGET/app-image/$TERN_NAME"
      IMAGE_APP="$IMAGE/app"
      GUI_LAUNCHER="$IMAGE/$TERN_NAME.exe"
      CLI_LAUNCHER="$IMAGE/$TERN_CLI_NAME.exe"
      NATIVE_DIR=bin
      ICON="$ROOT/assets/icons/tern.ico"
      ;;
  esac
  [ -f "$ICON" ] || tern_pkg_fail "icon $ICON missing: run assets/generate-icons.sh"

  # Installer versions must be numeric: 0.1.0-SNAPSHOT -> 0.1.0
  TERN_VERSION="$(sed -n 's|^  <version>\([0-9][0-9.]*\).*</version>.*|\1|p' "$ROOT/pom.xml" | head -1)"
  [ -n "$TERN_VERSION" ] || tern_pkg_fail "cannot read the version from $ROOT/pom.xml"
  # jpackage on macOS rejects a bundle version whose first number is 0 (CFBundleVersion), so 0.Y.Z is shipped
  # there as 1.Y.Z (the .dmg file name keeps the real version). TERN_BUNDLE_VERSION overrides.
  TERN_BUNDLE_VERSION="${TERN_BUNDLE_VERSION:-$TERN_VERSION}"
  if [ "$TERN_OS" = mac ] && [ "${TERN_BUNDLE_VERSION%%.*}" = 0 ]; then
    TERN_BUNDLE_VERSION="1.${TERN_BUNDLE_VERSION#0.}"
  fi

  APP_JAR="$ROOT/app/target/tern-app.jar"
  APP_LIB="$ROOT/app/target/lib"
  mkdir -p "$TARGET"
}

# Tools such as jpackage.exe want native paths on Windows.
tern_pkg_native_path() {
  if [ "$TERN_OS" = windows ] && command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s' "$1"; fi
}

# Runs a heavy command (Maven, jlink, jpackage) under the shared lock where flock exists (Linux).
tern_pkg_locked() {
  if command -v flock >/dev/null 2>&1; then
    flock /tmp/tern-mvn.lock "$@"
  else
    "$@"
  fi
}

# Builds the app with Maven when its jar is missing (TERN_PKG_REBUILD=1 forces a build).
tern_pkg_ensure_app() {
  if [ -f "$APP_JAR" ] && [ -d "$APP_LIB" ] && [ -z "${TERN_PKG_REBUILD:-}" ]; then
    return 0
  fi
  tern_require_maven || exit 1
  tern_pkg_log "building the app with Maven (-DskipTests)..."
  (cd "$ROOT" && tern_pkg_locked mvn -B -q -ntp -DskipTests install) || tern_pkg_fail "the Maven build failed; see above"
  [ -f "$APP_JAR" ] || tern_pkg_fail "the build did not produce $APP_JAR"
}

# The JavaFX jars with native code for this platform (javafx-graphics-25.0.2-linux.jar, ...-win.jar,
# ...-mac-aarch64.jar). The classifier-less javafx-*.jar are empty stubs and are left out.
tern_pkg_fx_jars() {
  local jar
  for jar in "$APP_LIB"/javafx-*.jar; do
    case "$(basename "$jar")" in
      *-linux*.jar | *-win*.jar | *-mac*.jar) printf '%s\n' "$jar" ;;
    esac
  done
}

# packaging/target/input: the app jar and every non-JavaFX runtime jar (they go on the class path; JavaFX goes
# into the runtime image as modules).
# packaging/target/fx-modules: the platform's JavaFX jars, for jlink. Copied while holding the shared lock, so a
# Maven build running at the same time cannot hand over a half-copied app/target/lib.
tern_pkg_stage_input() {
  INPUT="$TARGET/input"
  FX_MODULES="$TARGET/fx-modules"
  rm -rf "$INPUT" "$FX_MODULES"
  mkdir -p "$INPUT" "$FX_MODULES"
  local locked=""
  if command -v flock >/dev/null 2>&1; then
    exec 9>>/tmp/tern-mvn.lock
    flock 9
    locked=1
  fi
  cp "$APP_JAR" "$INPUT/"
  local jar
  for jar in "$APP_LIB"/*.jar; do
    case "$(basename "$jar")" in
      javafx-*) ;;
      *) cp "$jar" "$INPUT/" ;;
    esac
  done
  while IFS= read -r jar; do cp "$jar" "$FX_MODULES/"; done < <(tern_pkg_fx_jars)
  # the licence, the notice and the generated list of the bundled libraries' licences travel with the app
  local legal
  for legal in "$ROOT/LICENSE" "$ROOT/NOTICE" "$ROOT/app/target/generated-sources/license/THIRD-PARTY.txt"; do
    [ -f "$legal" ] || tern_pkg_fail "missing ${legal#"$ROOT"/}: build the app first (mvn install writes THIRD-PARTY.txt)"
    cp "$legal" "$INPUT/"
  done
  [ -n "$locked" ] && { flock -u 9; exec 9>&-; }
  [ "$(ls "$FX_MODULES" | wc -l)" -ge 3 ] || tern_pkg_fail "no platform JavaFX jars (javafx-*-<platform>.jar) in $APP_LIB; rebuild the app on this OS"
  tern_pkg_log "staged $(ls "$INPUT" | wc -l | tr -d ' ') jars in ${INPUT#"$ROOT"/}, $(ls "$FX_MODULES" | wc -l | tr -d ' ') JavaFX jars"
}

# packaging/target/runtime: jlink with only TERN_MODULES. JavaFX's native libraries are kept out of the modules
# file and copied next to the JDK's own (lib/ or bin/ on Windows), where JavaFX loads them directly instead of
# unpacking them into ~/.openjfx/cache on first start.
tern_pkg_runtime() {
  RUNTIME="$TARGET/runtime"
  local fxdir="$FX_MODULES" natives="$TARGET/fx-natives"
  rm -rf "$RUNTIME" "$natives"
  mkdir -p "$natives"
  local jar
  for jar in "$fxdir"/*.jar; do
    (cd "$natives" && "$JAR" xf "$(tern_pkg_native_path "$jar")")
  done

  tern_pkg_log "jlink: $TERN_MODULES"
  tern_pkg_locked "$JLINK" --module-path "$(tern_pkg_native_path "$fxdir")" --add-modules "$TERN_MODULES" \
    "${TERN_JLINK_OPTIONS[@]}" --exclude-resources='regex:/javafx\.graphics/[^/]+\.(so|dll|dylib)' \
    --output "$(tern_pkg_native_path "$RUNTIME")" || tern_pkg_fail "jlink failed"
  local lib copied=0
  for lib in "$natives"/*.so "$natives"/*.dll "$natives"/*.dylib; do
    [ -f "$lib" ] || continue
    # keep the JDK's own copy of shared runtime DLLs (Windows: vcruntime140.dll and friends)
    [ -e "$RUNTIME/$NATIVE_DIR/$(basename "$lib")" ] || { cp "$lib" "$RUNTIME/$NATIVE_DIR/"; copied=$((copied + 1)); }
  done
  [ "$copied" -gt 0 ] || tern_pkg_fail "no JavaFX native libraries found in the JavaFX jars"
  rm -rf "$fxdir" "$natives"
  tern_pkg_log "runtime: $(du -sh "$RUNTIME" | cut -f1) (JavaFX natives: $copied in $NATIVE_DIR/)"
}

# packaging/target/app-image: the GUI launcher (no arguments: the desktop app) and the CLI launcher (same main
# class; with arguments it is the terminal client), both on the trimmed runtime.
tern_pkg_app_image() {
  rm -rf "$TARGET/app-image"
  mkdir -p "$TARGET/app-image"
  local cli_props="$TARGET/$TERN_CLI_NAME-launcher.properties"
  {
    echo "description=Tern terminal client (tern [user@]host)"
    # the CLI must keep its console on Windows and get no menu entry anywhere
    [ "$TERN_OS" = windows ] && echo "win-console=true" && echo "win-shortcut=false" && echo "win-menu=false"
    [ "$TERN_OS" = linux ] && echo "linux-shortcut=false"
    true
  } > "$cli_props"

  local args=(--type app-image --name "$TERN_NAME" --app-version "$TERN_BUNDLE_VERSION" --vendor "$TERN_VENDOR"
    --description "$TERN_DESCRIPTION" --copyright "$TERN_COPYRIGHT"
    --dest "$(tern_pkg_native_path "$TARGET/app-image")" --input "$(tern_pkg_native_path "$INPUT")"
    --main-jar tern-app.jar --main-class "$TERN_MAIN_CLASS"
    --runtime-image "$(tern_pkg_native_path "$RUNTIME")" --icon "$(tern_pkg_native_path "$ICON")"
    --add-launcher "$TERN_CLI_NAME=$(tern_pkg_native_path "$cli_props")")
  local option
  for option in "${TERN_JAVA_OPTIONS[@]}"; do args+=(--java-options "$option"); done
  [ "$TERN_OS" = mac ] && args+=(--mac-package-identifier dev.tern.Tern --mac-package-name "$TERN_NAME")
  tern_pkg_log "jpackage app-image"
  tern_pkg_locked "$JPACKAGE" "${args[@]}" || tern_pkg_fail "jpackage --type app-image failed"
  [ -x "$GUI_LAUNCHER" ] && [ -x "$CLI_LAUNCHER" ] || tern_pkg_fail "launchers missing in $IMAGE"
  # the terminal client runs as ./tern runs it: the serial collector and the C1 compiler only (see ./tern)
  local option
  for option in "${TERN_CLI_JAVA_OPTIONS[@]}"; do
    tern_pkg_cfg_add "$(tern_pkg_cfg "$TERN_CLI_NAME")" "java-options=$option"
  done
  # and the desktop app as ./tern runs it too, before the AOT training run so that it trains with these options
  for option in "${TERN_GUI_JAVA_OPTIONS[@]}"; do
    tern_pkg_cfg_add "$(tern_pkg_cfg "$TERN_NAME")" "java-options=$option"
  done
}

tern_pkg_cfg() {  # the .cfg file jpackage wrote for launcher $1
  printf '%s/%s.cfg' "$IMAGE_APP" "$1"
}

tern_pkg_cfg_add() {  # appends line $2 to the .cfg file $1, with the line ending jpackage used (CRLF on Windows)
  if [ "$TERN_OS" = windows ]; then printf '%s\r\n' "$2" >> "$1"; else printf '%s\n' "$2" >> "$1"; fi
}

# Waits until the launched training run ($1 = pid) exits by itself; closes its window when the app has no
# start-up probe (Linux only). Returns the exit code of the run.
tern_pkg_wait_training() {
  local pid=$1 log=$2 waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
    if [ "$waited" -eq 30 ] && [ "$TERN_OS" = linux ] && ! grep -q first-frame-ms "$log"; then
      # an app without the probe: close its window like a user would
      local window
      window="$(xdotool search --onlyvisible --name "^$TERN_NAME\$" 2>/dev/null | head -1 || true)"
      [ -n "$window" ] && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "$PKG_DIR/tools/CloseWindow.java" "$window" || true
    fi
    if [ "$waited" -ge 120 ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 124
    fi
  done
  wait "$pid"
}

# Records the AOT cache: runs the GUI launcher once with -XX:AOTCacheOutput (the app opens its window and,
# with -Dtern.startupProbe=exit, quits after the first frame), then points both launchers at the cache with
# -XX:AOTCache=$APPDIR/tern.aot. On Linux it runs on a private Xvfb when Xvfb is installed, else on $DISPLAY.
# If training is impossible
# (TERN_PKG_NO_AOT=1, no display), the image is left without a cache and still works.
tern_pkg_train_aot() {
  if [ -n "${TERN_PKG_NO_AOT:-}" ]; then
    tern_pkg_log "TERN_PKG_NO_AOT set: no AOT cache"
    return 0
  fi
  local xvfb_pid="" saved_display="${DISPLAY:-}"
  if [ "$TERN_OS" = linux ]; then
    # a private X server keeps the training window off the desktop (and away from other windows named Tern)
    if command -v Xvfb >/dev/null 2>&1; then
      local display_number=97
      while [ -e "/tmp/.X11-unix/X$display_number" ] || [ -e "/tmp/.X$display_number-lock" ]; do display_number=$((display_number + 1)); done
      Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
      xvfb_pid=$!
      TERN_PKG_XVFB_PID=$xvfb_pid
      trap 'kill "$TERN_PKG_XVFB_PID" 2>/dev/null || true' EXIT  # also when the build is interrupted
      export DISPLAY=":$display_number"
      sleep 1
    elif [ -z "${DISPLAY:-}" ]; then
      tern_pkg_log "WARNING: no DISPLAY and no Xvfb (apt-get install xvfb): building without the AOT cache"
      return 0
    fi
  fi

  local cfg log rc=0
  cfg="$(tern_pkg_cfg "$TERN_NAME")"
  log="$TARGET/aot-training.log"
  # the options are appended, so [JavaOptions] must be the file's last section
  [ "$(grep '^\[' "$cfg" | tail -1 | tr -d '\r')" = "[JavaOptions]" ] \
    || tern_pkg_fail "[JavaOptions] is not the last section of $cfg; the AOT options cannot be appended"
  cp "$cfg" "$cfg.orig"
  tern_pkg_cfg_add "$cfg" "java-options=-XX:AOTCacheOutput=\$APPDIR/$TERN_AOT_FILE"
  tern_pkg_cfg_add "$cfg" "java-options=-Dtern.startupProbe=exit"
  tern_pkg_log "AOT training run (opens the window once)..."
  local started=$SECONDS
  # with an empty settings folder: the builder's own would reopen (and reconnect) their tabs in the training run, and
  # a quit with sessions open waits for a confirmation that never comes
  local config_dir
  config_dir="$(mktemp -d "${TMPDIR:-/tmp}/tern-aot-config.XXXXXX")"
  TERN_CONFIG_DIR="$config_dir" "$GUI_LAUNCHER" > "$log" 2>&1 &
  tern_pkg_wait_training $! "$log" || rc=$?
  rm -rf "$config_dir"
  mv "$cfg.orig" "$cfg"
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    trap - EXIT
    if [ -n "$saved_display" ]; then export DISPLAY="$saved_display"; else unset DISPLAY; fi
  fi

  rm -f "$IMAGE_APP/$TERN_AOT_FILE.config"
  if [ "$rc" -ne 0 ] || [ ! -s "$IMAGE_APP/$TERN_AOT_FILE" ]; then
    rm -f "$IMAGE_APP/$TERN_AOT_FILE"
    tern_pkg_log "WARNING: the AOT training run failed (exit $rc); building without the AOT cache. Its output:"
    sed 's/^/    /' "$log" >&2
    return 0
  fi
  local launcher
  for launcher in "$TERN_NAME" "$TERN_CLI_NAME"; do
    tern_pkg_cfg_add "$(tern_pkg_cfg "$launcher")" "java-options=-XX:AOTCache=\$APPDIR/$TERN_AOT_FILE"
  done
  tern_pkg_log "AOT cache: $(du -h "$IMAGE_APP/$TERN_AOT_FILE" | cut -f1) in $((SECONDS - started)) s ($(grep -o 'first-frame-ms=[0-9]*' "$log" || echo 'no probe output'))"
}

# Everything up to a finished app-image.
tern_pkg_build_app_image() {
  if [ -n "${TERN_PKG_REUSE_IMAGE:-}" ] && [ -x "$GUI_LAUNCHER" ]; then
    tern_pkg_log "TERN_PKG_REUSE_IMAGE set: packaging the existing ${IMAGE#"$ROOT"/}"
    return 0
  fi
  tern_pkg_ensure_app
  tern_pkg_stage_input
  tern_pkg_runtime
  tern_pkg_app_image
  tern_pkg_train_aot
  tern_pkg_log "app-image: ${IMAGE#"$ROOT"/} ($(du -sh "$IMAGE" | cut -f1))"
}
