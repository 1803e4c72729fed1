#!/usr/bin/env bash
# Builds packaging/target/Tern-<version>.msi on Windows. Run from Git Bash (as GitHub's Windows runners do), or via
# packaging/build.sh, which comes here on Windows. Same steps as Linux (packaging/lib.sh): trimmed jlinked runtime,
# the GUI launcher Tern.exe and the console launcher tern-cli.exe (`tern` would clash with Tern.exe on a
# case-insensitive file system), and the AOT cache recorded by one training run that opens the window.
# The .msi: per-machine install into C:\Program Files\Tern, a Start-menu entry (group "Tern") and a desktop
# shortcut for Tern.exe, a directory chooser, and a fixed upgrade code so a newer .msi replaces an older one.
# Needs: a JDK 25, Maven (when app/target/tern-app.jar is missing), and the WiX Toolset that jpackage drives:
#   WiX 3.14 (candle.exe/light.exe on PATH; preinstalled on GitHub's windows-2022 image), or
#   WiX 4/5: dotnet tool install --global wix --version 5.0.2
#            wix extension add --global WixToolset.UI.wixext/5.0.2 WixToolset.Util.wixext/5.0.2
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"
tern_pkg_init
[ "$TERN_OS" = windows ] || tern_pkg_fail "build-msi.sh runs on Windows (Git Bash); on this OS use packaging/build.sh"

# Never change this: Windows Installer recognises earlier Tern installs by it (upgrade = remove old, install new).
TERN_WIN_UPGRADE_UUID="1e989f34-d9bc-4fa7-a173-8deb3ac3cd4a"

if ! command -v candle.exe >/dev/null 2>&1 && ! command -v wix.exe >/dev/null 2>&1 && ! command -v wix >/dev/null 2>&1; then
  tern_pkg_fail "the WiX Toolset is needed for the .msi: install WiX 3.14 (https://wixtoolset.org) or
  dotnet tool install --global wix --version 5.0.2 && wix extension add --global WixToolset.UI.wixext/5.0.2 WixToolset.Util.wixext/5.0.2"
fi

started=$SECONDS
tern_pkg_build_app_image

rm -f "$TARGET"/*.msi
tern_pkg_log "jpackage msi..."
"$JPACKAGE" --type msi --app-image "$(tern_pkg_native_path "$IMAGE")" --name "$TERN_NAME" \
  --app-version "$TERN_BUNDLE_VERSION" --vendor "$TERN_VENDOR" --description "$TERN_DESCRIPTION" \
  --copyright "$TERN_COPYRIGHT" --icon "$(tern_pkg_native_path "$ICON")" --dest "$(tern_pkg_native_path "$TARGET")" \
  --win-upgrade-uuid "$TERN_WIN_UPGRADE_UUID" --win-menu --win-menu-group "$TERN_NAME" --win-shortcut \
  --win-dir-chooser ${TERN_PKG_VERBOSE:+--verbose} \
  || tern_pkg_fail "jpackage --type msi failed"
msi="$(ls "$TARGET"/*.msi | head -1)"
[ -f "$msi" ] || tern_pkg_fail "jpackage produced no .msi"
tern_pkg_log "msi: $msi ($(du -h "$msi" | cut -f1)) in $((SECONDS - started)) s"
