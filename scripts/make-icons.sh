#!/bin/sh
# Renders the home-screen icons from public/icon.svg (ImageMagick); run after changing the SVG.
set -e
cd "$(dirname "$0")/../public"
for size in 192 512; do
  convert -background none -depth 8 -density 384 icon.svg -resize "${size}x${size}" "icon-${size}.png"
done
# iOS ignores the manifest's icons: it reads apple-touch-icon (180 px, no transparency)
convert -depth 8 -background "#0f172a" -density 384 icon.svg -resize 180x180 -flatten apple-touch-icon.png
