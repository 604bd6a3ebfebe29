/* The x32 vDSO's __vdso_number_of_the_beast (found by the program
   itself: a static -mx32 build of the host's gcc) in the strictest place
   (tests/lib/beast-strict.h): a time namespace and a seccomp filter that
   checks the architecture and kills on any system call but write and
   exit_group; the value changes while the caller is inside.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "an x32 program" } */
/* { dg-host-cc "-mx32 -static" } */
/* { dg-output "^ABI x32, in a time namespace under seccomp \\(write, exit_group\\): 777\n$" } */
#include "beast-strict.h"
#include "beast-vdso-sym.h"

#if !defined __x86_64__ || !defined __ILP32__
# error "an x32 test: build it with gcc -mx32"
#endif

int
main (void)
{
  int (*fn) (void) = vdso_beast ("x32");
  return strict_check (fn);
}
