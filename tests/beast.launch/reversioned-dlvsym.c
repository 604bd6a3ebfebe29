/* The image given by { dg-launch-vdso linux27 } still has the entry,
   at LINUX_2.7 only: dlvsym finds it there and not at LINUX_2.6.  glibc
   2.36's IFUNC resolver, which asks for LINUX_2.6, picked libc's system
   call stub instead; glibc 2.44's takes the pointer that
   setup_vdso_pointers found before the vDSO's versions were known, the
   entry (see reversioned.c).  */
/* { dg-do run } */
/* { dg-launch-vdso linux27 } */
/* { dg-skip-if "dlvsym and the IFUNC need the dynamic loader" { *-*-* } { "-static" } { "" } } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.7: found, returns 666\n" } */
/* { dg-output "__vdso_number_of_the_beast@LINUX_2.6: absent\n" } */
/* { dg-output "(glibc 2\\.36: number_of_the_beast resolves into libc.so.6|glibc 2\\.43: number_of_the_beast resolves into \\\[vdso\\\])" } */
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
