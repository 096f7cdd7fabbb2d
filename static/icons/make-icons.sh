#!/usr/bin/env bash
# The app icons, made from static/favicon.svg; the PNGs are committed, so this
# only runs when the favicon changes. Needs Debian's librsvg2-bin
# (rsvg-convert) and, to shrink the files, optipng.
set -euo pipefail
cd "$(dirname "$0")"
svg=$(cat ../favicon.svg)
any="$svg"
# Maskable: the launcher cuts its own shape, so the colour fills the square.
# The briefcase stays inside the safe circle (80 % of the width) as it is.
maskable=${svg/rx=\"6\"/}
# Badge (Android status bar): only the shape counts, white on transparent.
badge=$(sed -e 's/<rect[^>]*\/>//' <<<"$svg")
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" -o "icon-$size.png" <<<"$any"
  rsvg-convert -w "$size" -h "$size" -o "maskable-$size.png" <<<"$maskable"
done
rsvg-convert -w 96 -h 96 -o badge-96.png <<<"$badge"
if command -v optipng >/dev/null; then optipng -quiet -o7 -strip all ./*.png; fi
ls -l ./*.png
