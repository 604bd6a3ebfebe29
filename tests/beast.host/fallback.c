/* Without kernel support the call fails with ENOSYS (glibc, and libbeast
   in beast.libbeast-host).  */
/* { dg-do run } */
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
