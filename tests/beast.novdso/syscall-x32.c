/* An x32 program has the system call too, as 0x40000000 | 387, and with
   vdso=0 no vDSO to find.  Built with the host's gcc -mx32: the staged
   glibc is x86_64 only.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "an x32 program" } */
/* { dg-host-cc "-mx32 -static" } */
/* { dg-output "^AT_SYSINFO_EHDR: 0\n" } */
/* { dg-output "syscall\\(0x40000000 \\| 387\\): 666\n$" } */
#include <stdio.h>
#include <unistd.h>
#include <sys/auxv.h>

#if !defined __x86_64__ || !defined __ILP32__
# error "an x32 test: build it with gcc -mx32"
#endif

int
main (void)
{
  printf ("AT_SYSINFO_EHDR: %lx\n", getauxval (AT_SYSINFO_EHDR));
  printf ("syscall(0x40000000 | 387): %ld\n", syscall (0x40000000 | 387));
  return 0;
}
