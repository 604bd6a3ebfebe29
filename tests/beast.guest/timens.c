/* Inside a new time namespace, where the kernel swaps the vvar page for
   the namespace's page, the vDSO still reads the real value (no silent
   fallback to the system call: it is filtered out by seccomp).  */
/* { dg-do run } */
/* { dg-output "in a time namespace: vdso 31 sysctl 31" } */
#define _GNU_SOURCE
#include <sched.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include "beast-test.h"

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
  pid_t pid = fork ();
  if (pid == 0)
    {
      struct sock_filter code[] = {
	BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
	BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, SYS_number_of_the_beast, 0, 1),
	BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
	BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      };
      struct sock_fprog prog = { sizeof code / sizeof code[0], code };
      if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
	  || prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
	fail ("seccomp: %m");
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
