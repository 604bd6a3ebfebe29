/* Given this machine's own vDSO, which has no __vdso_number_of_the_beast,
   glibc (and libbeast, in beast.libbeast-launch) takes the system call,
   which this kernel does not have.  */
/* { dg-do run } */
/* { dg-launch-vdso host } */
/* { dg-output "^number_of_the_beast\\(\\) = -1, errno ENOSYS\n$" } */
#include "beast-test.h"

int
main (void)
{
  errno = 0;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s\n", n,
	  errno ? strerrorname_np (errno) : "unchanged");
  return 0;
}
