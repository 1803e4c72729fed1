# Sourced by ./tern and ./test: finds a JDK 25 (or newer) and exports JAVA_HOME for it.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install locations of each platform.

tern_java_feature() {  # prints the feature release of the JDK at $1 (e.g. 25), or nothing
  local java="$1/bin/java"
  [ -x "$java" ] && [ -x "$1/bin/javac" ] || return 0
  "$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

tern_find_jdk() {
  local want=25 candidate feature
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/* \
                   /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    feature=$(tern_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge "$want" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      # Maven's bundled Guava calls sun.misc.Unsafe, which JDK 25 warns about on every build
      export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      return 0
    fi
  done
  cat >&2 <<MSG
tern: no JDK $want found.
  Tern needs a JDK $want or newer (the default 'java' here is: $( { command -v java >/dev/null && java -version 2>&1 | head -1; } || echo none)).
  Install one, for example:
    Debian/Ubuntu:  the Eclipse Temurin 25 JDK (package temurin-25-jdk from the Adoptium apt repository)
    macOS:          brew install --cask temurin@25
    Windows:        winget install EclipseAdoptium.Temurin.25.JDK
  or point JAVA_HOME at an installed JDK $want and run this command again.
MSG
  return 1
}

tern_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "tern: Maven (mvn) is needed to build Tern from a checkout. Install it (Debian: apt-get install maven) and run again." >&2
    return 1
  fi
}
