/* libbeast without kernel support: the call fails with ENOSYS, as
   glibc's does.  */
/* { dg-do run } */
/* { dg-output "number_of_the_beast\\(\\) = -1, errno ENOSYS" } */
#include "beast-test.h"
#include <beast.h>

int
main (void)
{
  errno = 0;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s\n", n,
	  errno ? strerrorname_np (errno) : "unchanged");
  return 0;
}
