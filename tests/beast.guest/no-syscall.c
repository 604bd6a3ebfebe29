/* The vDSO answers without entering the kernel, in dynamic and static
   programs alike: with a seccomp filter that makes the system call fail
   with EPERM, number_of_the_beast() still returns the number.  Also run
   against libbeast (beast.libbeast-guest); for libbeast.a the first
   call chooses after the filter is on.  */
/* { dg-do run } */
/* { dg-output "^filtered syscall: -1 EPERM\n" } */
/* { dg-output "number_of_the_beast\\(\\) = 666, errno unchanged\n$" } */
#include "beast-test.h"

int
main (void)
{
  deny_beast_syscall ();

  errno = 0;
  long r = beast_syscall ();
  printf ("filtered syscall: %ld %s\n", r, errno ? strerrorname_np (errno) : "-");
  errno = EBADF;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s\n", n,
	  errno == EBADF ? "unchanged" : strerrorname_np (errno));
  return 0;
}
