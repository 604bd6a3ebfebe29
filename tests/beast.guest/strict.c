/* number_of_the_beast() in the strictest place (tests/lib/beast-strict.h):
   a time namespace and a seccomp filter that checks the architecture and
   kills on any system call but write and exit_group; the value changes
   while the caller is inside.  */
/* { dg-do run } */
/* { dg-output "ABI (x86_64|i386|aarch64), in a time namespace under seccomp \\(write, exit_group\\): 777\n" } */
#include "beast-test.h"
#include "beast-strict.h"

int
main (void)
{
  return strict_check (number_of_the_beast);
}
