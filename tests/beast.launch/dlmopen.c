/* Natively, with the patched image: a second libc loaded into a new
   link-map namespace resolves its number_of_the_beast into the same
   [vdso], and a forked child still gets the image's 666 from both (this
   machine's kernel has no system call: only the image answers).  */
/* { dg-do run } */
/* { dg-skip-if "dlmopen needs the dynamic loader" { *-*-* } { "-static" } { "" } } */
/* { dg-output "^new namespace: yes\n" } */
/* { dg-output "its number_of_the_beast@GNU_BEAST_1.0 resolves into \\\[vdso\\\], returns 666\n" } */
/* { dg-output "forked child: 666 and 666\n$" } */
#include "beast-test.h"
#include "beast-dl.h"
#include <sys/wait.h>

int
main (void)
{
  int (*fn) (void) = second_libc_beast ();
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    fail ("fork: %m");
  if (pid == 0)
    {
      printf ("forked child: %d and %d\n", number_of_the_beast (), fn ());
      fflush (stdout);
      _exit (0);
    }
  int status;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}
