#!/usr/bin/env bash
# Starts the real Sightline desktop under a virtual X server, searches "red" in an index of ../shared/footage
# built with the demo colour model, opens the first clip, and saves docs/screenshots/search.png.
#
# Needs (Debian): apt-get install -y xvfb libgtk-3-0 libgl1 imagemagick
#   xvfb: the virtual display; libgtk-3-0, libgl1: what JavaFX's window toolkit loads; imagemagick: `import` for
#   the capture and `convert` to shrink the PNG.
# Usage: docs/screenshots/take-screenshot.sh [FOOTAGE_DIR]   (default: ../shared/footage beside the clone)
# Nothing is written outside a temporary folder except the PNG; the footage is only read.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
footage="${1:-$here/../shared/footage}"
out="$here/docs/screenshots/search.png"
width=1600
height=1000
settle="${SIGHTLINE_SCREENSHOT_WAIT:-25}"

for tool in Xvfb import convert; do
  command -v "$tool" >/dev/null || { echo "take-screenshot: $tool is missing (apt-get install -y xvfb libgtk-3-0 libgl1 imagemagick)" >&2; exit 1; }
done
[ -d "$footage" ] || { echo "take-screenshot: no footage folder at $footage" >&2; exit 1; }

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work" || true
}
trap cleanup EXIT

data="$work/data"
echo "take-screenshot: preparing $data (demo model, index of $footage)" >&2
"$here/sightline" models demo --data "$data" >/dev/null
"$here/sightline" index --data "$data" "$footage" >"$work/index.log" 2>&1 || {
  # some fixtures are meant to fail or be partial; the index of the others is what matters
  tail -n 5 "$work/index.log" >&2
}

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 "${width}x${height}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1

echo "take-screenshot: starting the app on $display" >&2
DISPLAY="$display" SIGHTLINE_JAVA_OPTS="-Dsightline.data=$data -Djava.util.prefs.userRoot=$work/prefs \
 -Dsightline.initialQuery=red -Dsightline.openClipOf=parking-aisle-cars -Dsightline.stepFrames=12 -Dsightline.window=${width}x${height} -Dprism.order=sw" \
  "$here/sightline" >"$work/app.log" 2>&1 &
app_pid=$!
sleep "$settle"
if ! kill -0 "$app_pid" 2>/dev/null; then
  cat "$work/app.log" >&2
  echo "take-screenshot: the app exited early (log above)" >&2
  exit 1
fi
DISPLAY="$display" import -window root "$work/raw.png"
convert "$work/raw.png" -strip -colors 256 "PNG8:$out"
echo "take-screenshot: saved $out ($(du -k "$out" | cut -f1) KB)" >&2
