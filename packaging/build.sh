#!/usr/bin/env bash
# Builds Tern's installers for the OS it runs on into packaging/target/:
#   Linux:   app-image/Tern/ (runnable folder), tern_<version>-1_amd64.deb, and tern-<version>-1.x86_64.rpm when
#            rpmbuild is installed
#   Windows: Tern-<version>.msi   (packaging/windows/build-msi.sh, run from Git Bash)
#   macOS:   Tern-<version>.dmg   (packaging/macos/build-dmg.sh)
# Each bundle has a trimmed jlinked runtime, the GUI launcher `Tern`, the terminal-client launcher `tern`
# (`tern-cli` on Windows and macOS) and a JDK 25 AOT cache recorded by a training run (it opens the window once;
# on Linux on a private Xvfb when Xvfb is installed, else on $DISPLAY).
#
# Usage: packaging/build.sh [app-image|deb|rpm]...    (default: everything this machine can build)
# Environment: TERN_PKG_REBUILD=1 rebuilds the app with Maven first (otherwise only when app/target/tern-app.jar
#              is missing); TERN_PKG_NO_AOT=1 skips the AOT cache; TERN_PKG_REUSE_IMAGE=1 packages the existing
#              app-image again; TERN_PKG_VERBOSE=1 passes --verbose to jpackage; TERN_DEB_MAINTAINER sets the .deb
#              maintainer; TERN_PKG_COMPRESS=zip-6 compresses the runtime's modules file (jlink --compress:
#              installed 179 -> 141 MiB, but the .deb grows 53 -> 70 MB, as xz cannot shrink zip data; start time
#              with the AOT cache unchanged, without it slower); TERN_PKG_TARGET=DIR builds into DIR instead of
#              packaging/target.
# Needs: a JDK 25 (found like ./tern does), and for the .deb fakeroot + dpkg-deb (apt-get install fakeroot),
#        for the .rpm rpmbuild (apt-get install rpm).
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"
tern_pkg_init

case "$TERN_OS" in
  windows) exec bash "$PKG_DIR/windows/build-msi.sh" "$@" ;;
  mac) exec bash "$PKG_DIR/macos/build-dmg.sh" "$@" ;;
esac

want_deb="" want_rpm=""
if [ $# -eq 0 ]; then
  want_deb=1
  command -v rpmbuild >/dev/null 2>&1 && want_rpm=1 || tern_pkg_log "rpmbuild not found: no .rpm (apt-get install rpm to build one)"
fi
for what in "$@"; do
  case "$what" in
    app-image) ;;
    deb) want_deb=1 ;;
    rpm) want_rpm=1 ;;
    *) tern_pkg_fail "unknown bundle '$what' (app-image, deb or rpm)" ;;
  esac
done
if [ -n "$want_deb" ]; then
  missing=()
  command -v fakeroot >/dev/null 2>&1 || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
  command -v objdump >/dev/null 2>&1 || missing+=(binutils)
  [ ${#missing[@]} -eq 0 ] || tern_pkg_fail "the .deb needs ${missing[*]}: apt-get install ${missing[*]}"
fi
if [ -n "$want_rpm" ]; then
  command -v rpmbuild >/dev/null 2>&1 || tern_pkg_fail "the .rpm needs rpmbuild: apt-get install rpm"
fi

started=$SECONDS
rm -f "$TARGET"/*.deb "$TARGET"/*.rpm  # no stale bundle of an older app-image stays next to the new ones
tern_pkg_build_app_image

# jpackage's resource dir: our desktop entries and maintainer scripts (packaging/linux/) plus the icon under the
# launcher names, or the .deb/.rpm would carry jpackage's default icon instead of the app-image's.
RESOURCES="$TARGET/linux-resources"
rm -rf "$RESOURCES"
mkdir -p "$RESOURCES"
cp "$PKG_DIR"/linux/* "$RESOURCES/"
cp "$ICON" "$RESOURCES/$TERN_NAME.png"
cp "$ICON" "$RESOURCES/$TERN_CLI_NAME.png"

# Package-level options shared by .deb and .rpm. The app-image already holds the launchers, runtime and cache.
linux_package() {  # $1 = deb|rpm, then type-specific options
  local type=$1
  shift
  tern_pkg_log "jpackage $type..."
  local t0=$SECONDS
  tern_pkg_locked "$JPACKAGE" --type "$type" --app-image "$IMAGE" --name "$TERN_NAME" --linux-package-name tern \
    --app-version "$TERN_VERSION" --linux-app-release 1 --vendor "$TERN_VENDOR" --description "$TERN_DESCRIPTION" \
    --copyright "$TERN_COPYRIGHT" --icon "$ICON" --dest "$TARGET" --resource-dir "$RESOURCES" \
    --linux-shortcut --linux-menu-group "System;TerminalEmulator;" ${TERN_PKG_VERBOSE:+--verbose} "$@" \
    || tern_pkg_fail "jpackage --type $type failed"
  tern_pkg_log "$type: $(ls "$TARGET"/*."$type") in $((SECONDS - t0)) s"
}

# jpackage derives Depends from the libraries the runtime links against, but JavaFX loads GTK 3 with dlopen, so
# it has to be named (Ubuntu 24.04's libgtk-3-0t64 provides libgtk-3-0).
[ -n "$want_deb" ] && linux_package deb --linux-package-deps libgtk-3-0 --linux-app-category x11 \
  --linux-deb-maintainer "${TERN_DEB_MAINTAINER:-maintainers@tern.dev}"
[ -n "$want_rpm" ] && linux_package rpm --linux-package-deps gtk3 --linux-app-category "Applications/System" \
  --linux-rpm-license-type "see /opt/tern/lib/runtime/legal"

{
  echo "# Tern $TERN_VERSION bundles built $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -sm) with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  printf '%-36s %s\n' "app-image (folder)" "$(du -sh "$IMAGE" | cut -f1)"
  printf '%-36s %s\n' "  runtime" "$(du -sh "$IMAGE/lib/runtime" | cut -f1)"
  printf '%-36s %s\n' "  app jars" "$(du -ch "$IMAGE_APP"/*.jar | tail -1 | cut -f1)"
  [ -f "$IMAGE_APP/$TERN_AOT_FILE" ] && printf '%-36s %s\n' "  AOT cache" "$(du -h "$IMAGE_APP/$TERN_AOT_FILE" | cut -f1)"
  for bundle in "$TARGET"/*.deb "$TARGET"/*.rpm; do
    [ -f "$bundle" ] || continue
    printf '%-36s %s\n' "$(basename "$bundle")" "$(du -h "$bundle" | cut -f1)"
  done
  if [ -n "$want_deb" ]; then
    printf '%-36s %s\n' "  .deb Installed-Size" "$(($(dpkg-deb -f "$TARGET"/*.deb Installed-Size) / 1024)) MiB"
  fi
} > "$TARGET/sizes.txt"
cat "$TARGET/sizes.txt"
tern_pkg_log "done in $((SECONDS - started)) s"
