/* Inside a new time namespace, where the kernel swaps the vvar page for
   the namespace's page, the vDSO still reads the real value (no silent
   fallback to the system call: it is filtered out by seccomp).  */
/* { dg-do run } */
/* { dg-output "^monotonic clock offset by a day: yes\n" } */
/* { dg-output "in a time namespace: vdso 31 sysctl 31\n$" } */
#include "beast-test.h"
#include <sched.h>
#include <time.h>
#include <sys/wait.h>

#ifndef CLONE_NEWTIME
# define CLONE_NEWTIME 0x00000080
#endif

int
main (void)
{
  if (write_sysctl ("31") != 0)
    fail ("writing 31: %m");
  /* Children made after this are in the new time namespace.  */
  if (unshare (CLONE_NEWTIME) != 0)
    fail ("unshare (CLONE_NEWTIME): %m");
  /* An offset makes the namespace's vvar page matter to the clocks.  */
  FILE *f = fopen ("/proc/self/timens_offsets", "w");
  if (f == NULL || fputs ("monotonic 86400 0\n", f) < 0 || fclose (f) != 0)
    fail ("/proc/self/timens_offsets: %m");
  struct timespec outside, inside;
  clock_gettime (CLOCK_MONOTONIC, &outside);
  pid_t pid = fork ();
  if (pid == 0)
    {
      deny_beast_syscall ();
      clock_gettime (CLOCK_MONOTONIC, &inside);
      printf ("monotonic clock offset by a day: %s\n",
	      inside.tv_sec - outside.tv_sec >= 86400 ? "yes" : "no");
      printf ("in a time namespace: vdso %d sysctl %d\n",
	      number_of_the_beast (), read_sysctl ());
      fflush (stdout);
      _exit (0);
    }
  int status;
  waitpid (pid, &status, 0);
  write_sysctl ("666");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}
