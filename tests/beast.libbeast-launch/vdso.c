/* libbeast, started with the patched vDSO image: the call reads the
   number from the data page beast-launch put before the image.  */
/* { dg-do run } */
/* { dg-output "^number_of_the_beast\\(\\) = 666, errno unchanged\n$" } */
#include "beast-test.h"
#include <beast.h>

int
main (void)
{
  errno = EBADF;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s\n", n,
	  errno == EBADF ? "unchanged" : strerrorname_np (errno));
  return 0;
}
