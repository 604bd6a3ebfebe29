# beast-vdso dump writes the vDSO as an ELF file that readelf reads, with
# the same versioned symbols that beast-vdso symbols lists for the
# running vDSO and for the file.
# { dg-do run }
# { dg-output "wrote the vDSO \\(0x\[0-9a-f\]+-0x\[0-9a-f\]+, \[0-9\]+ bytes\\) to \[^\n\]*/vdso.so\n" }
# { dg-output "readelf reads it: yes\n" }
# { dg-output "readelf's defined symbols: \[1-9\]\[0-9\]*, the same as beast-vdso symbols\n" }
# { dg-output "beast-vdso symbols FILE: the same as for the running vDSO\n$" }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
beast-vdso dump "$tmp/vdso.so" || exit 1
if readelf -Ws --dyn-syms "$tmp/vdso.so" > "$tmp/readelf" 2> "$tmp/err" && ! [ -s "$tmp/err" ]; then
  echo "readelf reads it: yes"
else
  echo "readelf reads it: no"; cat "$tmp/err"
fi
# readelf's table: Num: Value Size Type Bind Vis Ndx Name; entry 0 and
# undefined symbols are not exports.
awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" { print $8 }' "$tmp/readelf" | sort > "$tmp/want"
beast-vdso symbols > "$tmp/running" || exit 1
awk '{ print $NF }' "$tmp/running" | sort > "$tmp/got"
if [ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got"; then
  echo "readelf's defined symbols: $(wc -l < "$tmp/want"), the same as beast-vdso symbols"
else
  echo "readelf's defined symbols differ from beast-vdso symbols:"; diff "$tmp/want" "$tmp/got"
fi
beast-vdso symbols "$tmp/vdso.so" > "$tmp/file" || exit 1
if cmp -s "$tmp/running" "$tmp/file"; then
  echo "beast-vdso symbols FILE: the same as for the running vDSO"
else
  echo "beast-vdso symbols FILE differs:"; diff "$tmp/running" "$tmp/file"
fi
