/* The running kernel's vDSO exports both names under LINUX_2.6 only:
   dlvsym finds them at that version and not at LINUX_2.5.  Not every
   lookup of glibc's is by version: dlvsym and glibc 2.36's IFUNC
   resolver (dl_vdso_vsym, once the vDSO's version table is read) are;
   GLRO(dl_vdso_number_of_the_beast), which setup_vdso_pointers fills in
   before that table is read, matches any version, and glibc 2.44's IFUNC
   resolver and every static program call through it
   (beast.launch/reversioned.c gives them the entry at LINUX_2.7).  */
/* { dg-do run } */
/* { dg-skip-if "the 32-bit vDSO exports only __vdso_number_of_the_beast (beast.abi checks vdso32.so.dbg)" { *-*-* } { "-m32" } { "" } } */
/* { dg-beast-arch "x86_64" "the names and versions of the x86 vDSO (arm64: __kernel_number_of_the_beast@LINUX_2.6.39, in beast.abi)" } */
/* { dg-skip-if "dlopen of the vDSO needs the dynamic loader" { *-*-* } { "-static" "-static-pie" } { "" } } */
/* { dg-output "^__vdso_number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "number_of_the_beast@LINUX_2.6: found, returns 666\n" } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.5: absent\n$" } */
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
