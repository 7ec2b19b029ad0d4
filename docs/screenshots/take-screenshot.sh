#!/usr/bin/env bash
# Starts the real Sightline desktop under a virtual X server at three window sizes (1024x700, 1280x800,
# 1920x1080) over an index of ../shared/footage built with the demo colour model and a case of two clips made on
# the command line, and saves for each size the search page (searched "red", the red car's clip open in the viewer)
# and the Cases page: docs/screenshots/search-WxH.png and cases-WxH.png; search.png and cases.png are the
# 1280x800 ones (the README shows them). The Models page (models-WxH.png) is shot on a data directory of its own:
# the demo model, and a renamed copy of the face starter pack imported and chosen for face redaction.
# SIGHTLINE_SCREENSHOT_PAGES picks pages (e.g. "models"); the footage is indexed only when a page needs it.
#
# Needs (Debian): apt-get install -y xvfb libgtk-3-0 libgl1 imagemagick
#   xvfb: the virtual display; libgtk-3-0, libgl1: what JavaFX's window toolkit loads; imagemagick: `import` for
#   the capture and `convert` to shrink the PNG.
# Usage: docs/screenshots/take-screenshot.sh [FOOTAGE_DIR]   (default: ../shared/footage beside the clone)
# Nothing is written outside a temporary folder except the PNG; the footage is only read.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
footage="${1:-$here/../shared/footage}"
shots="$here/docs/screenshots"
sizes="${SIGHTLINE_SCREENSHOT_SIZES:-1024x700 1280x800 1920x1080}"
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

pages="${SIGHTLINE_SCREENSHOT_PAGES:-search cases cases-disclosure cases-key library models}"
data="$work/data"
echo "take-screenshot: preparing $data (demo model, index of $footage)" >&2
"$here/sightline" models demo --data "$data" >/dev/null
case " $pages " in
  *" search "*|*" cases"*|*" library "*)
    "$here/sightline" index --data "$data" "$footage" >"$work/index.log" 2>&1 || {
      # some fixtures are meant to fail or be partial; the index of the others is what matters
      tail -n 5 "$work/index.log" >&2
    } ;;
esac

# the Models page: the demo model, and a user's face pack (a renamed copy of the starter one) imported and chosen
models_data="$work/data-models"
"$here/sightline" models demo --data "$models_data" >/dev/null
mkdir -p "$work/usb/my-faces"
cp "$here/models/target/starter-packs/sightline-detector-faces/"* "$work/usb/my-faces/"
sed -i 's/"sightline-detector-faces"/"my-faces"/' "$work/usb/my-faces/sightline-perception.json"
"$here/sightline" models import --data "$models_data" "$work/usb/my-faces" >/dev/null
"$here/sightline" models use --data "$models_data" my-faces >/dev/null

"$here/sightline" case create --data "$data" --name "Red car on the lot" --reference OP-1 >/dev/null
"$here/sightline" case add --data "$data" OP-1 --video "$footage/parking-aisle-cars.mp4" --in 13 --out 20 --hit 16 \
  --camera footage --prompt red --score 0.31 --note "red car drives down the aisle" --tag vehicle --tag red >/dev/null
"$here/sightline" case add --data "$data" OP-1 --video "$footage/parking-aisle-cars.mp4" --in 22 --out 29 --hit 25 \
  --camera footage --prompt white --score 0.28 --note "white sports car, same aisle" --tag vehicle >/dev/null

# the disclosure copy's review is shot on a data directory of its own whose only case is DC-1: a second of the
# indoor clip, where the detector finds the people to hide
"$here/sightline" case create --data "$work/data-disclosure" --name "Reading room" --reference DC-1 >/dev/null
"$here/sightline" case add --data "$work/data-disclosure" DC-1 --video "$footage/indoor-people-one-by-one.mp4" --in 8 \
  --out 9 --hit 8.5 --camera footage --note "person reading at the table" >/dev/null

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1

# shoot PAGE WxH EXTRA_JAVA_OPTS...: one run of the app, one capture of its window's area
shoot() {
  local page="$1" size="$2"; shift 2
  local w="${size%x*}" h="${size#*x}" png="$shots/$page-$size.png"
  echo "take-screenshot: $page at $size on $display" >&2
  DISPLAY="$display" SIGHTLINE_JAVA_OPTS="-Dsightline.data=$data -Djava.util.prefs.userRoot=$work/prefs \
 -Dsightline.window=$size -Dprism.order=sw $*" "$here/sightline" >"$work/app-$page-$size.log" 2>&1 &
  app_pid=$!
  sleep "$settle"
  if ! kill -0 "$app_pid" 2>/dev/null; then
    cat "$work/app-$page-$size.log" >&2
    echo "take-screenshot: the app exited early (log above)" >&2
    exit 1
  fi
  DISPLAY="$display" import -window root -crop "${w}x${h}+0+0" "$work/raw.png"
  convert "$work/raw.png" -strip -colors 256 "PNG8:$png"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  echo "take-screenshot: saved $png ($(du -k "$png" | cut -f1) KB)" >&2
}

review_settle="${SIGHTLINE_SCREENSHOT_REVIEW_WAIT:-60}"
for size in $sizes; do
  for page in $pages; do
    case "$page" in
      search) shoot search "$size" -Dsightline.initialQuery=red -Dsightline.openClipOf=parking-aisle-cars ;;
      cases) shoot cases "$size" -Dsightline.page=cases ;;
      # the disclosure copy's review of OP-1 hiding vehicles (planning every frame takes a while)
      cases-disclosure) settle_before="$settle"; settle="$review_settle"; data_before="$data"; data="$work/data-disclosure"
        shoot cases-disclosure "$size" -Dsightline.page=cases -Dsightline.reviewDisclosure=people
        settle="$settle_before"; data="$data_before" ;;
      cases-key) shoot cases-key "$size" -Dsightline.page=cases -Dsightline.showExaminerKey=true ;;
      library) shoot library "$size" -Dsightline.page=library ;;
      models) data_before="$data"; data="$models_data"; shoot models "$size" -Dsightline.page=models; data="$data_before" ;;
    esac
  done
done
if [ -f "$shots/search-1280x800.png" ]; then cp "$shots/search-1280x800.png" "$shots/search.png"; fi
if [ -f "$shots/cases-1280x800.png" ]; then cp "$shots/cases-1280x800.png" "$shots/cases.png"; fi
