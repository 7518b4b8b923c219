#!/usr/bin/env bash
# Render exported DOCX to PDF and PNG pages so a person can look at them (LibreOffice + poppler).
#   tools/render-docx.sh OUT_DIR FILE.docx [...]
# Needs: soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils), fonts-noto-cjk. A private
# fontconfig maps 宋体/SimSun → Noto Serif CJK SC and 黑体/SimHei → Noto Sans CJK SC, as Word would.
set -euo pipefail
out=$1; shift
mkdir -p "$out"
conf=$(mktemp -d)
cat > "$conf/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$conf/fonts.conf"
profile="file://$conf/lo-profile"
for docx in "$@"; do
  soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
  pdf="$out/$(basename "${docx%.docx}").pdf"
  pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
  echo "$pdf"
done
rm -rf "$conf"
