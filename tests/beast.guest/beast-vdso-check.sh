# beast-vdso check in the patched kernel: the vDSO exports
# __vdso_number_of_the_beast, glibc's IFUNC resolved number_of_the_beast
# to that very address, and it answers the sysctl's value; exit status 0.
# { dg-do run }
# { dg-beast-arch "x86_64" "beast-vdso knows the x86 vDSO's names and glibc's x86 IFUNC" }
# { dg-output "vDSO: \\\[vdso\\\] at 0x\[0-9a-f\]+-0x\[0-9a-f\]+ \\(\[0-9\]+ bytes\\), as AT_SYSINFO_EHDR says\n" }
# { dg-output "vDSO export __vdso_number_of_the_beast@LINUX_2.6: yes, at (0x\[0-9a-f\]+)\n" }
# { dg-output "number_of_the_beast: resolves to \\1 in \\\[vdso\\\] \\(__vdso_number_of_the_beast\\): glibc's IFUNC picked the vDSO\n" }
# { dg-output "number_of_the_beast\\(\\) = 666\nvDSO path in use\nexit status 0\n" }
# { dg-output "after sysctl 42: number_of_the_beast\\(\\) = 42, exit status 0\n$" }
beast-vdso check 2>&1
echo "exit status $?"
sysctl=/proc/sys/kernel/number_of_the_beast
echo 42 > $sysctl || exit 1
out=$(beast-vdso check 2>&1); status=$?
echo 666 > $sysctl
echo "after sysctl 42: $(echo "$out" | grep '^number_of_the_beast()'), exit status $status"
