/* Without a vDSO, glibc takes the system call path and still gets the
   kernel's number.  */
/* { dg-do run } */
/* { dg-output "^vDSO mapped: no\n" } */
/* { dg-output "number_of_the_beast\\(\\) = 666, resolved outside the vDSO\n$" } */
#include "beast-test.h"
#include <sys/auxv.h>

int
main (void)
{
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("vDSO mapped: %s\n", getauxval (AT_SYSINFO_EHDR) ? "yes" : "no");
  printf ("number_of_the_beast() = %d, resolved %s the vDSO\n", fn (),
	  strcmp (mapping_of ((void *) fn), "[vdso]") == 0 ? "into" : "outside");
  return 0;
}
