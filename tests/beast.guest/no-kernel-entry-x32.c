/* The strict proof for the x32 ABI: a static -mx32 program (the host's
   gcc; the staged glibc is x86_64 only) finds __vdso_number_of_the_beast
   in the x32 vDSO itself, and a child traced with PTRACE_SYSCALL makes
   no system call across 1000 calls of it.  The control: 1000 calls of
   system call 0x40000000 | 387, 1000 system calls.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "an x32 program" } */
/* { dg-host-cc "-mx32 -static" } */
/* { dg-output "^vDSO: ABI x32, 0 system calls in 1000 calls, value 666\n" } */
/* { dg-output "control: ABI x32, 1000 system calls in 1000 calls, value 666\n" } */
/* { dg-output "spoof: ABI x32, 1000 system calls in 1000 calls, value 666\n$" } */
#include "beast-trace.h"
#include "beast-vdso-sym.h"

#if !defined __x86_64__ || !defined __ILP32__
# error "an x32 test: build it with gcc -mx32"
#endif

static int
control (void)
{
  return syscall (0x40000000 | 387);
}

int
main (void)
{
  int (*fn) (void) = vdso_beast ("x32");
  return trace_report ("vDSO", fn, 1000) | trace_report ("control", control, 1000)
	 | trace_report ("spoof", trace_spoof, 1000);
}
