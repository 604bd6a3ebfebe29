/* Linked with -z now, the program's GOT slot is filled while ld.so
   relocates it at startup, not at the first call: libbeast's resolver
   runs then, and still finds the vDSO entry (dlopen would abort here).  */
/* { dg-do run } */
/* { dg-options "-Wl,-z,now" } */
/* { dg-output "^number_of_the_beast\\(\\) = 666; " } */
/* { dg-output "(dynamic: resolves into \\\[vdso\\\]|static: linked in)\n$" } */
#include "beast-test.h"
#include <beast.h>
#include <link.h>

extern ElfW(Dyn) _DYNAMIC[] __attribute__ ((weak));

int
main (void)
{
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("number_of_the_beast() = %d; ", fn ());
  if (_DYNAMIC != NULL)
    printf ("dynamic: resolves into %s\n", mapping_of ((void *) fn));
  else
    printf ("static: linked in\n");
  return 0;
}
