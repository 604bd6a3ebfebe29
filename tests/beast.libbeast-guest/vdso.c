/* A program built on the stock glibc with libbeast, in the patched
   kernel: the vDSO answers 666, errno untouched.  */
/* { dg-do run } */
/* { dg-output "^number_of_the_beast\\(\\) = 666, errno unchanged; AT_SYSINFO_EHDR in \\\[vdso\\\]\n$" } */
#include "beast-test.h"
#include <beast.h>
#include <sys/auxv.h>

int
main (void)
{
  errno = EBADF;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s; ", n,
	  errno == EBADF ? "unchanged" : strerrorname_np (errno));
  printf ("AT_SYSINFO_EHDR in %s\n",
	  mapping_of ((void *) getauxval (AT_SYSINFO_EHDR)));
  return 0;
}
