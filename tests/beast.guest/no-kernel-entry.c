/* The strict proof that the vDSO path does not enter the kernel: a child
   traced with PTRACE_SYSCALL makes no system call at all across 1000
   calls of number_of_the_beast() (tests/lib/beast-trace.h), in every
   variant the group builds (dynamic, -static, -static-pie, -z now), with
   the ABI of the variant (beast_abi: x86_64, i386 in beast.guest32,
   aarch64 on arm64).  The controls show the tracer counts: 1000 calls of
   syscall(387), 1000 system calls; 1000 calls of a function that makes
   the system call that was the harness's marker (getppid), 1000.  */
/* { dg-do run } */
/* { dg-output "^vDSO: ABI [beast_abi], 0 system calls in 1000 calls, value 666\n" } */
/* { dg-output "control: ABI [beast_abi], 1000 system calls in 1000 calls, value 666\n" } */
/* { dg-output "spoof: ABI [beast_abi], 1000 system calls in 1000 calls, value 666\n$" } */
#include "beast-test.h"
#include "beast-trace.h"

static int
control (void)
{
  return beast_syscall ();
}

int
main (void)
{
  return trace_report ("vDSO", number_of_the_beast, 1000)
	 | trace_report ("control", control, 1000)
	 | trace_report ("spoof", trace_spoof, 1000);
}
