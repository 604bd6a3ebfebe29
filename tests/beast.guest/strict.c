/* number_of_the_beast() in the strictest place (tests/lib/beast-strict.h):
   a time namespace and a seccomp filter that checks the architecture and
   kills on any system call but write and exit_group; the value changes
   while the caller is inside.  The ABI must be the variant's (beast_abi:
   x86_64, i386 in beast.guest32, aarch64 on arm64).  */
/* { dg-do run } */
/* { dg-output "^ABI [beast_abi], in a time namespace under seccomp \\(write, exit_group\\): 777\n$" } */
#include "beast-test.h"
#include "beast-strict.h"

int
main (void)
{
  return strict_check (number_of_the_beast);
}
