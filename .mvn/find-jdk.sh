# Sourced by ./sightline, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, else /usr/lib/jvm/temurin-25*, else any /usr/lib/jvm/*25* / newer.
sightline_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}
sightline_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(sightline_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/temurin-2[6-9]* /usr/lib/jvm/*-25* /usr/lib/jvm/*25*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(sightline_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "sightline: no JDK 25 found. Install Temurin 25 in /usr/lib/jvm or set JAVA_HOME to a JDK 25+." >&2
  return 1
}
sightline_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
