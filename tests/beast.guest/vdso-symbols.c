/* The running kernel's vDSO exports both names under LINUX_2.6 only:
   glibc's loader finds them by version.  */
/* { dg-do run } */
/* { dg-skip-if "dlopen of the vDSO needs the dynamic loader" { *-*-* } { "-static" } { "" } } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.5: absent" } */
#include "beast-test.h"
#include <dlfcn.h>

static void
lookup (void *vdso, const char *name, const char *version)
{
  int (*fn) (void) = (int (*) (void)) dlvsym (vdso, name, version);
  if (fn != NULL)
    printf ("%s@%s: found, returns %d\n", name, version, fn ());
  else
    printf ("%s@%s: absent\n", name, version);
}

int
main (void)
{
  void *vdso = dlopen ("linux-vdso.so.1", RTLD_NOW | RTLD_NOLOAD);
  if (vdso == NULL)
    fail ("no vDSO loaded: %s", dlerror ());
  lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.6");
  lookup (vdso, "number_of_the_beast", "LINUX_2.6");
  lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.5");
  return 0;
}
