#!/usr/bin/env bash
# The Search page's "Whole team archive" at 1024x700, 1280x800 and 1920x1080: a one-node SolrCloud on loopback
# (`sightline solr dev-cluster`), two data directories (two workstations) indexing different fixture files into one
# collection with the demo colour model, workstation A naming B's archive folder as a shared folder for one file
# (the parking aisle with its red car) and not holding B's other one; the desktop of A searches the whole archive for
# "red" at start-up (-Dsightline.wholeArchive=true): clip cards in tier sections with why each matched.
# Saves docs/screenshots/search-archive-WxH.png.
#
# Needs what take-screenshot.sh needs (Xvfb, libgtk-3-0, libgl1, imagemagick).
# Usage: docs/screenshots/take-archive-screenshot.sh [FOOTAGE_DIR]   (default: ../shared/footage beside the clone)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
footage="${1:-$here/../shared/footage}"
shots="$here/docs/screenshots"
sizes="${SIGHTLINE_SCREENSHOT_SIZES:-1024x700 1280x800 1920x1080}"
settle="${SIGHTLINE_SCREENSHOT_WAIT:-30}"

work="$(mktemp -d)"
cloud_pid=""
xvfb_pid=""
app_pid=""
cleanup() {
  for pid in "$app_pid" "$cloud_pid" "$xvfb_pid"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if [ -z "${SIGHTLINE_SCREENSHOT_KEEP:-}" ]; then rm -rf "$work" || true; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

echo "take-archive-screenshot: starting a one-node SolrCloud" >&2
"$here/sightline" solr dev-cluster --nodes 1 --dir "$work/cloud" >"$work/cloud.log" 2>&1 &
cloud_pid=$!
for _ in $(seq 1 180); do
  grep -q '^ready' "$work/cloud.log" && break
  kill -0 "$cloud_pid" 2>/dev/null || { cat "$work/cloud.log" >&2; exit 1; }
  sleep 1
done
zk="$(sed -n 's/^ZooKeeper //p' "$work/cloud.log")"
"$here/sightline" solr init --zk "$zk" --collection shots --shards 1 --replicas 1 >/dev/null

# workstation B indexes an archive folder (copies below $work/nas) and one file on its own
mkdir -p "$work/nas/cam-yard"
cp "$footage/parking-aisle-cars.mp4" "$work/nas/cam-yard/"
for ws in a b; do
  "$here/sightline" models demo --data "$work/$ws" >/dev/null
  "$here/sightline" config set index.store "solr://$zk/shots" --data "$work/$ws" >/dev/null
done
"$here/sightline" index --data "$work/a" "$footage/tiny-highway-48px-raw.avi" >"$work/index-a.log" 2>&1
"$here/sightline" index --data "$work/b" --recursive "$work/nas" >"$work/index-b.log" 2>&1
"$here/sightline" index --data "$work/b" "$footage/residential-street-vehicles.mp4" >>"$work/index-b.log" 2>&1
grep -v '^WARNING' "$work/index-a.log" "$work/index-b.log" >&2
"$here/sightline" config set archive.shared-roots "$work/nas" --data "$work/a" >/dev/null
"$here/sightline" search --archive red --data "$work/a" >&2

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1

for size in $sizes; do
  w="${size%x*}" h="${size#*x}" png="$shots/search-archive-$size.png"
  echo "take-archive-screenshot: $size on $display" >&2
  DISPLAY="$display" SIGHTLINE_JAVA_OPTS="-Dsightline.data=$work/a -Djava.util.prefs.userRoot=$work/prefs \
 -Dsightline.window=$size -Dprism.order=sw -Dsightline.initialQuery=red -Dsightline.wholeArchive=true" \
    "$here/sightline" >"$work/app-$size.log" 2>&1 &
  app_pid=$!
  sleep "$settle"
  if ! kill -0 "$app_pid" 2>/dev/null; then
    cat "$work/app-$size.log" >&2
    echo "take-archive-screenshot: the app exited early (log above)" >&2
    exit 1
  fi
  DISPLAY="$display" import -window root -crop "${w}x${h}+0+0" "$work/raw.png"
  convert "$work/raw.png" -strip -colors 256 "PNG8:$png"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  echo "take-archive-screenshot: saved $png ($(du -k "$png" | cut -f1) KB)" >&2
done
