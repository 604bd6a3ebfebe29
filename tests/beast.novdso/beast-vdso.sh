# beast-vdso in the patched kernel booted with vdso=0: check reports the
# system call path (exit status 1), which answers 666; dump and symbols
# say that there is no vDSO and why (exit status 2).
# { dg-do run }
# { dg-beast-arch "x86_64" "beast-vdso knows the x86 vDSO's names and glibc's x86 IFUNC" }
# { dg-output "vDSO: none \\(no \\\[vdso\\\] mapping, AT_SYSINFO_EHDR is 0: the kernel was booted with vdso=0\\)\n" }
# { dg-output "vDSO export __vdso_number_of_the_beast@LINUX_2.6: no vDSO\n" }
# { dg-output "number_of_the_beast: resolves to 0x\[0-9a-f\]+ in libc.so.6: glibc's IFUNC picked the system call stub\n" }
# { dg-output "number_of_the_beast\\(\\) = 666\nfallback in use: the number_of_the_beast system call \\(387\\)\nexit status 1\n" }
# { dg-output "dump: beast-vdso: no \\\[vdso\\\] mapping: the kernel was booted with vdso=0 \\(or has no vDSO\\): \[^\n\]*\nexit status 2\n" }
# { dg-output "symbols: beast-vdso: no \\\[vdso\\\] mapping: the kernel was booted with vdso=0 \\(or has no vDSO\\): \[^\n\]*\nexit status 2\n$" }
beast-vdso check 2>&1
echo "exit status $?"
printf 'dump: '; beast-vdso dump /tmp/vdso.so 2>&1; echo "exit status $?"
printf 'symbols: '; beast-vdso symbols 2>&1; echo "exit status $?"
