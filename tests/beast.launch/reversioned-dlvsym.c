/* The image given by { dg-launch-vdso linux27 } still has the entry,
   at LINUX_2.7 only: dlvsym, which looks up by name and version, finds
   it there and not at LINUX_2.6.  glibc 2.36's IFUNC resolver, which
   asks dl_vdso_vsym for LINUX_2.6 once the vDSO's versions are known,
   picked libc's system call stub instead; glibc 2.44's takes the pointer
   that setup_vdso_pointers found before they were known, by name only:
   the entry (see reversioned.c).  The line says which glibc the program
   was built against, and each has its one answer.  */
/* { dg-do run } */
/* { dg-launch-vdso linux27 } */
/* { dg-skip-if "dlvsym and the IFUNC need the dynamic loader" { *-*-* } { "-static" } { "" } } */
/* { dg-output "^__vdso_number_of_the_beast@LINUX_2.7: found, returns 666\n" } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.6: absent\n" } */
/* { dg-output "(glibc 2\\.36: number_of_the_beast resolves into libc.so.6|glibc 2\\.44: number_of_the_beast resolves into \\\[vdso\\\])\n$" } */
#include "beast-test.h"
#include "beast-dl.h"

int
main (void)
{
  void *vdso = vdso_handle ();
  vdso_lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.7");
  vdso_lookup (vdso, "__vdso_number_of_the_beast", "LINUX_2.6");
  /* In a PIE the address of an IFUNC symbol is its resolved target.  */
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("glibc %d.%d: number_of_the_beast resolves into %s\n",
	  __GLIBC__, __GLIBC_MINOR__, mapping_of ((void *) fn));
  return 0;
}
