# beast-vdso symbols in the patched kernel lists both names of the number
# of the beast at LINUX_2.6 beside the clock functions, and reads the
# same table back from the file beast-vdso dump writes.
# { dg-do run }
# { dg-beast-arch "x86_64" "beast-vdso knows the x86 vDSO's names and glibc's x86 IFUNC" }
# { dg-output "__vdso_number_of_the_beast@@LINUX_2.6: listed, FUNC GLOBAL\n" }
# { dg-output "number_of_the_beast@@LINUX_2.6: listed, FUNC WEAK\n" }
# { dg-output "__vdso_clock_gettime@@LINUX_2.6: listed, FUNC GLOBAL\n" }
# { dg-output "wrote the vDSO \\(0x\[0-9a-f\]+-0x\[0-9a-f\]+, \[0-9\]+ bytes\\) to /tmp/vdso.so\n" }
# { dg-output "beast-vdso symbols FILE: the same as for the running vDSO\n$" }
out=$(beast-vdso symbols) || exit 1
for sym in __vdso_number_of_the_beast@@LINUX_2.6 number_of_the_beast@@LINUX_2.6 \
  __vdso_clock_gettime@@LINUX_2.6; do
  echo "$out" | awk -v s="$sym" '$NF == s { print s ": listed, " $3 " " $4; n++ }
    END { if (!n) print s ": missing" }'
done
beast-vdso dump /tmp/vdso.so || exit 1
if [ "$(beast-vdso symbols /tmp/vdso.so)" = "$out" ]; then
  echo "beast-vdso symbols FILE: the same as for the running vDSO"
else
  echo "beast-vdso symbols FILE differs:"; beast-vdso symbols /tmp/vdso.so
fi
rm -f /tmp/vdso.so
