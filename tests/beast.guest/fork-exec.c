/* The vDSO entry keeps answering in a forked child and in the program
   exec'd by it (/proc/self/exe again): with the system call filtered
   out by seccomp, which both inherit, only the vDSO can answer.  */
/* { dg-do run } */
/* { dg-output "^parent: 4711\n" } */
/* { dg-output "forked child: 4711\n" } */
/* { dg-output "after exec: 4711, syscall -1 EPERM\n$" } */
#include "beast-test.h"
#include <sys/wait.h>

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "exec") == 0)
    {
      int n = number_of_the_beast ();
      errno = 0;
      long r = beast_syscall ();
      printf ("after exec: %d, syscall %ld %s\n", n, r,
	      errno ? strerrorname_np (errno) : "-");
      return 0;
    }
  if (write_sysctl ("4711") != 0)
    fail ("writing 4711: %m");
  deny_beast_syscall ();
  printf ("parent: %d\n", number_of_the_beast ());
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    fail ("fork: %m");
  if (pid == 0)
    {
      printf ("forked child: %d\n", number_of_the_beast ());
      fflush (stdout);
      execl ("/proc/self/exe", argv[0], "exec", (char *) NULL);
      printf ("FAIL: exec /proc/self/exe: %m\n");
      _exit (1);
    }
  int status;
  waitpid (pid, &status, 0);
  write_sysctl ("666");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}
