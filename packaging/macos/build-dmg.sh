#!/usr/bin/env bash
# Builds packaging/target/Tern-<version>.dmg on macOS (also reached through packaging/build.sh there). Same steps
# as Linux (packaging/lib.sh): trimmed jlinked runtime, Tern.app with the GUI launcher Contents/MacOS/Tern and the
# terminal client Contents/MacOS/tern-cli (`tern` would clash with `Tern` on the case-insensitive APFS default),
# and the AOT cache recorded by one training run that opens the window. The icon is assets/icons/tern.icns.
# The app is not notarised: it is ad-hoc signed again after the AOT cache is added (the training run edits
# Contents/app/Tern.cfg), so Apple silicon runs it; a first start needs right-click > Open (Gatekeeper).
# Needs: a JDK 25 for this Mac's CPU (brew install --cask temurin@25) and Maven when the app is not built yet.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"
tern_pkg_init
[ "$TERN_OS" = mac ] || tern_pkg_fail "build-dmg.sh runs on macOS; on this OS use packaging/build.sh"

started=$SECONDS
tern_pkg_build_app_image

# the cfg edit and tern.aot break the bundle's signature seal; an ad-hoc signature makes it whole again
if command -v codesign >/dev/null 2>&1; then
  codesign --force --deep --sign - "$IMAGE" || tern_pkg_fail "ad-hoc signing of $IMAGE failed"
  codesign --verify --deep --strict "$IMAGE" || tern_pkg_fail "the signature of $IMAGE does not verify"
fi

rm -f "$TARGET"/*.dmg
tern_pkg_log "jpackage dmg..."
"$JPACKAGE" --type dmg --app-image "$IMAGE" --name "$TERN_NAME" --app-version "$TERN_BUNDLE_VERSION" \
  --vendor "$TERN_VENDOR" --description "$TERN_DESCRIPTION" --copyright "$TERN_COPYRIGHT" --icon "$ICON" \
  --mac-package-identifier dev.tern.Tern --mac-package-name "$TERN_NAME" --dest "$TARGET" ${TERN_PKG_VERBOSE:+--verbose} \
  || tern_pkg_fail "jpackage --type dmg failed"
dmg="$(ls "$TARGET"/*.dmg | head -1)"
[ -f "$dmg" ] || tern_pkg_fail "jpackage produced no .dmg"
# the file name carries the real version even where the bundle version had to become 1.Y.Z
if [ "$TERN_BUNDLE_VERSION" != "$TERN_VERSION" ]; then
  mv "$dmg" "$TARGET/$TERN_NAME-$TERN_VERSION.dmg"
  dmg="$TARGET/$TERN_NAME-$TERN_VERSION.dmg"
fi
tern_pkg_log "dmg: $dmg ($(du -h "$dmg" | cut -f1)) in $((SECONDS - started)) s"
