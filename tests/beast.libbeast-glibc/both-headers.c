/* A program of the patched system that includes both headers and links
   with -lbeast: the declarations agree, and the link binds the symbol to
   the first library that defines it.  gcc puts -lbeast before the libc
   it adds last, so libbeast's number_of_the_beast@BEAST_1.0 wins, in
   dynamic programs (the function is libbeast's stub here, this kernel
   having no vDSO entry) and static ones (libc.a's member is not linked).  */
/* { dg-do run } */
/* { dg-output "^number_of_the_beast\\(\\) = -1 ENOSYS, from libbeast\n$" } */
#include "beast-test.h"
#include <beast.h>
#include <sys/beast.h>
#include "which-beast.h"

int
main (void)
{
  errno = 0;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d %s, from %s\n", n,
	  errno ? strerrorname_np (errno) : "-", which_beast ());
  return 0;
}
