# beast-vdso symbols lists this machine's vDSO: the clock functions at
# LINUX_2.6, no number of the beast.
# { dg-do run }
# { dg-output "__vdso_clock_gettime@@LINUX_2.6: listed, FUNC GLOBAL\n" }
# { dg-output "clock_gettime@@LINUX_2.6: listed, FUNC WEAK\n" }
# { dg-output "__vdso_gettimeofday@@LINUX_2.6: listed, FUNC GLOBAL\n" }
# { dg-output "number of the beast: 0 symbols\n" }
# { dg-output "exit status 0\n$" }
out=$(beast-vdso symbols) || { echo "exit status $?"; exit 1; }
for sym in __vdso_clock_gettime@@LINUX_2.6 clock_gettime@@LINUX_2.6 \
  __vdso_gettimeofday@@LINUX_2.6; do
  echo "$out" | awk -v s="$sym" '$NF == s { print s ": listed, " $3 " " $4; n++ }
    END { if (!n) print s ": missing" }'
done
echo "number of the beast: $(echo "$out" | grep -c beast) symbols"
echo "exit status 0"
