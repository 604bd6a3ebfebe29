/* The i386 vDSO's __vdso_number_of_the_beast (found by the program
   itself: a static -m32 build of the host's gcc) in the strictest place
   (tests/lib/beast-strict.h): a time namespace and a seccomp filter that
   checks the architecture and kills on any system call but write and
   exit_group; the value changes while the caller is inside.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "a 32-bit x86 program" } */
/* { dg-host-cc "-m32 -static" } */
/* { dg-output "^ABI i386, in a time namespace under seccomp \\(write, exit_group\\): 777\n$" } */
#include "beast-strict.h"
#include "beast-vdso-sym.h"

#ifndef __i386__
# error "an i386 test: build it with gcc -m32"
#endif

int
main (void)
{
  int (*fn) (void) = vdso_beast ("i386");
  return strict_check (fn);
}
