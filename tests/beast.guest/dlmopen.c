/* A second libc in a new link-map namespace (dlmopen (LM_ID_NEWLM,
   "libc.so.6")) has its own IFUNC for number_of_the_beast, resolved
   into the same vDSO: dlsym in that namespace gives a function that
   answers with the system call filtered out.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "the check is where the IFUNC of the second libc resolves, and only x86 glibc has one" } */
/* { dg-skip-if "dlmopen needs the dynamic loader" { *-*-* } { "-static" "-static-pie" } { "" } } */
/* { dg-output "^new namespace: yes\n" } */
/* { dg-output "its number_of_the_beast@GNU_BEAST_1.0 resolves into \\\[vdso\\\], returns 4711\n" } */
/* { dg-output "main namespace: returns 4711\n$" } */
#include "beast-test.h"
#include "beast-dl.h"

int
main (void)
{
  if (write_sysctl ("4711") != 0)
    fail ("writing 4711: %m");
  deny_beast_syscall ();
  second_libc_beast ();
  printf ("main namespace: returns %d\n", number_of_the_beast ());
  write_sysctl ("666");
  return 0;
}
