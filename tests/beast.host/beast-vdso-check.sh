# beast-vdso check on this machine's stock kernel: its vDSO has no
# __vdso_number_of_the_beast, so glibc's IFUNC picked the system call
# stub in libc.so.6, which fails with ENOSYS; exit status 1.
# { dg-do run }
# { dg-output "vDSO: \\\[vdso\\\] at 0x\[0-9a-f\]+-0x\[0-9a-f\]+ \\(\[0-9\]+ bytes\\), as AT_SYSINFO_EHDR says\n" }
# { dg-output "vDSO export __vdso_number_of_the_beast@LINUX_2.6: no, this kernel's vDSO does not export it\n" }
# { dg-output "number_of_the_beast: resolves to 0x\[0-9a-f\]+ in libc.so.6: glibc's IFUNC picked the system call stub\n" }
# { dg-output "number_of_the_beast\\(\\) = -1, errno ENOSYS \\(Function not implemented\\)\n" }
# { dg-output "fallback in use: the number_of_the_beast system call \\(387\\), which this kernel does not have\n" }
# { dg-output "exit status 1\n$" }
beast-vdso check 2>&1
echo "exit status $?"
