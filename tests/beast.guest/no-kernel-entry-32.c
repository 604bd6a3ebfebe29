/* The strict proof for the i386 ABI: a static -m32 program (the host's
   gcc; the staged glibc is x86_64 only) finds __vdso_number_of_the_beast
   in the i386 vDSO itself, and a child traced with PTRACE_SYSCALL makes
   no system call across 1000 calls of it.  The control: 1000 calls of
   system call 387, 1000 system calls.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "a 32-bit x86 program" } */
/* { dg-host-cc "-m32 -static" } */
/* { dg-output "^vDSO: ABI i386, 0 system calls in 1000 calls, value 666\n" } */
/* { dg-output "control: ABI i386, 1000 system calls in 1000 calls, value 666\n" } */
/* { dg-output "spoof: ABI i386, 1000 system calls in 1000 calls, value 666\n$" } */
#include "beast-trace.h"
#include "beast-vdso-sym.h"

#ifndef __i386__
# error "an i386 test: build it with gcc -m32"
#endif

static int
control (void)
{
  return syscall (387);
}

int
main (void)
{
  int (*fn) (void) = vdso_beast ("i386");
  return trace_report ("vDSO", fn, 1000) | trace_report ("control", control, 1000)
	 | trace_report ("spoof", trace_spoof, 1000);
}
