/* The IFUNC resolver picked the kernel's entry: the resolved function
   lies in the [vdso] mapping.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "only x86 glibc (x86_64, x32, i386) chooses number_of_the_beast by IFUNC; elsewhere it calls the vDSO through a pointer set at startup" } */
/* { dg-skip-if "static binaries call through a pointer, not an IFUNC" { *-*-* } { "-static" "-static-pie" } { "" } } */
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
