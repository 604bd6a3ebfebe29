/* libbeast's IFUNC resolver picked the kernel's entry: the resolved
   function lies in the [vdso] mapping.  The guest's libc, the patched
   glibc, also defines number_of_the_beast, at GNU_BEAST_1.0; the
   program needs BEAST_1.0 and is bound to libbeast's.  */
/* { dg-do run } */
/* { dg-skip-if "libbeast.a calls through a pointer set on the first call, not an IFUNC" { *-*-* } { "-static" } { "" } } */
/* { dg-output "^number_of_the_beast resolves into \\\[vdso\\\]\n$" } */
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
