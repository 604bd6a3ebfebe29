/* The running kernel's vDSO exports both names under LINUX_2.6 only:
   glibc's loader finds them by version.  */
/* { dg-do run } */
/* { dg-skip-if "the 32-bit vDSO exports only __vdso_number_of_the_beast (beast.abi checks vdso32.so.dbg)" { *-*-* } { "-m32" } { "" } } */
/* { dg-beast-arch "x86_64" "the names and versions of the x86 vDSO (arm64: __kernel_number_of_the_beast@LINUX_2.6.39, in beast.abi)" } */
/* { dg-skip-if "dlopen of the vDSO needs the dynamic loader" { *-*-* } { "-static" "-static-pie" } { "" } } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.5: absent" } */
#include "beast-test.h"
#include "beast-dl.h"

int
main (void)
{
  void *vdso = vdso_handle ();
  vdso_lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.6");
  vdso_lookup (vdso, "number_of_the_beast", "LINUX_2.6");
  vdso_lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.5");
  return 0;
}
