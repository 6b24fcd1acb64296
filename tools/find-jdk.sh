# Sourced by ./wasmlang and ./run-tests: sets JAVA_HOME to a JDK 25+ or exits with a
# one-line explanation. The Graal JIT for Truffle 25 needs JDK 25.

wasmlang_java_feature() { # sets wasmlang_feature to the feature version (e.g. 25) of the JDK in $1, or to nothing
  # A JDK's release file names its version, which costs no JVM start (a start per
  # candidate took 0.3 s of every command); ask the JVM only when the file is missing.
  # Read in the shell itself: every command run here delays every wasmlang command.
  local line
  wasmlang_feature=""
  if [ -f "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*)
          line="${line#JAVA_VERSION=\"}"
          wasmlang_feature="${line%%[!0-9]*}"
          break ;;
      esac
    done <"$1/release"
  fi
  if [ -z "$wasmlang_feature" ]; then
    wasmlang_feature="$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)" || wasmlang_feature=""
  fi
}

wasmlang_find_jdk() { # sets wasmlang_jdk to JAVA_HOME when it is a JDK 25+, else to the newest under /usr/lib/jvm, else to nothing
  wasmlang_jdk=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    wasmlang_java_feature "$JAVA_HOME"
    if [ -n "$wasmlang_feature" ] && [ "$wasmlang_feature" -ge 25 ]; then wasmlang_jdk="$JAVA_HOME"; return 0; fi
  fi
  local candidate best_v=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    wasmlang_java_feature "$candidate"
    if [ -n "$wasmlang_feature" ] && [ "$wasmlang_feature" -ge 25 ] && [ "$wasmlang_feature" -gt "$best_v" ]; then
      wasmlang_jdk="$candidate"; best_v="$wasmlang_feature"
    fi
  done
}

wasmlang_find_jdk
JAVA_HOME="$wasmlang_jdk"
if [ -z "$JAVA_HOME" ]; then
  echo "wasmlang: no JDK 25 or newer found (checked JAVA_HOME and /usr/lib/jvm); install one, e.g. Temurin 25 (package temurin-25-jdk), and/or set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
if ! command -v mvn >/dev/null 2>&1; then
  echo "wasmlang: Maven (mvn) is needed to build WasmLang; install it (apt-get install maven)." >&2
  exit 2
fi
