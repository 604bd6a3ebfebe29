/* Started with the patched vDSO image, the call reads the number from
   the data page beast-launch put before it; the image is the [vdso].  */
/* { dg-do run } */
/* { dg-output "^number_of_the_beast\\(\\) = 666, errno unchanged; AT_SYSINFO_EHDR in \\\[vdso\\\]\n$" } */
#include "beast-test.h"
#include <sys/auxv.h>

int
main (void)
{
  errno = 0;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s; ", n,
	  errno ? strerrorname_np (errno) : "unchanged");
  printf ("AT_SYSINFO_EHDR in %s\n",
	  mapping_of ((void *) getauxval (AT_SYSINFO_EHDR)));
  return 0;
}
