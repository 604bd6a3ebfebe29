/* The IFUNC resolver picked the image's entry: the resolved function
   lies in the [vdso] mapping.  */
/* { dg-do run } */
/* { dg-skip-if "static binaries call through a pointer, not an IFUNC" { *-*-* } { "-static" } { "" } } */
/* { dg-output "^number_of_the_beast resolves into \\\[vdso\\\]\n$" } */
#include "beast-test.h"

int
main (void)
{
  /* In a PIE the address of an IFUNC symbol is its resolved target.  */
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("number_of_the_beast resolves into %s\n", mapping_of ((void *) fn));
  return 0;
}
