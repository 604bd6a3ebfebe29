/* The same with -lc before -lbeast on the command line: glibc's
   number_of_the_beast@GNU_BEAST_1.0 is found first and wins.  */
/* { dg-do run } */
/* { dg-options "-lc" } */
/* { dg-output "^number_of_the_beast\\(\\) = -1 ENOSYS, from glibc\n$" } */
/* <beast.h> first this time, then <sys/beast.h> from beast-test.h.  */
#define _GNU_SOURCE
#include <beast.h>
#include "beast-test.h"
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
