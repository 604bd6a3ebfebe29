# beast-vdso natively on this machine, started by beast-launch with the
# patched vDSO image: check reports the vDSO path and 666 (exit status
# 0), symbols lists the entry, and the dump reads back in readelf.
# { dg-do run }
# { dg-output "vDSO: \\\[vdso\\\] at 0x\[0-9a-f\]+-0x\[0-9a-f\]+ \\(\[0-9\]+ bytes\\), as AT_SYSINFO_EHDR says\n" }
# { dg-output "vDSO export __vdso_number_of_the_beast@LINUX_2.6: yes, at (0x\[0-9a-f\]+)\n" }
# { dg-output "number_of_the_beast: resolves to \\1 in \\\[vdso\\\] \\(__vdso_number_of_the_beast\\): glibc's IFUNC picked the vDSO\n" }
# { dg-output "number_of_the_beast\\(\\) = 666\nvDSO path in use\nexit status 0\n" }
# { dg-output "__vdso_number_of_the_beast@@LINUX_2.6: listed, FUNC GLOBAL\n" }
# { dg-output "number_of_the_beast@@LINUX_2.6: listed, FUNC WEAK\n" }
# { dg-output "readelf: __vdso_number_of_the_beast@@LINUX_2.6\n" }
# { dg-output "beast-vdso symbols FILE: the same as for the running vDSO\n$" }
beast-vdso check 2>&1
echo "exit status $?"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
beast-vdso symbols > "$tmp/running" || exit 1
for sym in __vdso_number_of_the_beast@@LINUX_2.6 number_of_the_beast@@LINUX_2.6; do
  awk -v s="$sym" '$NF == s { print s ": listed, " $3 " " $4; n++ }
    END { if (!n) print s ": missing" }' "$tmp/running"
done
beast-vdso dump "$tmp/vdso.so" > /dev/null || exit 1
readelf -Ws --dyn-syms "$tmp/vdso.so" | awk '$NF ~ /^__vdso_number_of_the_beast@/ { print "readelf: " $NF }'
beast-vdso symbols "$tmp/vdso.so" > "$tmp/file" || exit 1
if cmp -s "$tmp/running" "$tmp/file"; then
  echo "beast-vdso symbols FILE: the same as for the running vDSO"
else
  echo "beast-vdso symbols FILE differs:"; diff "$tmp/running" "$tmp/file"
fi
