# Sourced by ./wasmlang and ./run-tests: sets JAVA_HOME to a JDK 25+ or exits with a
# one-line explanation. The Graal JIT for Truffle 25 needs JDK 25.

wasmlang_java_feature() { # the feature version (e.g. 25) of the JDK in $1, or nothing
  # A JDK's release file names its version, which costs no JVM start (a start per
  # candidate took 0.3 s of every command); ask the JVM only when the file is missing.
  local v=""
  if [ -f "$1/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)"
  fi
  if [ -z "$v" ]; then
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)"
  fi
  echo "$v"
}

wasmlang_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local v; v="$(wasmlang_java_feature "$JAVA_HOME")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  local candidate v best="" best_v=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v="$(wasmlang_java_feature "$candidate")"
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME="$(wasmlang_find_jdk || true)"
if [ -z "$JAVA_HOME" ]; then
  echo "wasmlang: no JDK 25 or newer found (checked JAVA_HOME and /usr/lib/jvm); install one, e.g. Temurin 25 (package temurin-25-jdk), and/or set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
if ! command -v mvn >/dev/null 2>&1; then
  echo "wasmlang: Maven (mvn) is needed to build WasmLang; install it (apt-get install maven)." >&2
  exit 2
fi
