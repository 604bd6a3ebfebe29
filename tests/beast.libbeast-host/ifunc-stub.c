/* libbeast's IFUNC resolver found no vDSO entry and picked its system
   call stub: the resolved function lives in libbeast.so.1.  */
/* { dg-do run } */
/* { dg-skip-if "libbeast.a calls through a pointer set on the first call, not an IFUNC" { *-*-* } { "-static" } { "" } } */
/* { dg-output "^number_of_the_beast resolves into libbeast.so.1\n$" } */
#include "beast-test.h"
#include <beast.h>

int
main (void)
{
  /* In a PIE the address of an IFUNC symbol is its resolved target.  */
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("number_of_the_beast resolves into %s\n", mapping_of ((void *) fn));
  return 0;
}
