/* fake-syscall: run a program as if this machine's kernel had the
   number_of_the_beast system call.

     fake-syscall [--value N] [--nr NR] PROGRAM [ARGS...]

   A seccomp filter with a user-space listener
   (SECCOMP_FILTER_FLAG_NEW_LISTENER) sends every system call NR (387,
   the x86_64 number, by default) of PROGRAM and its children to this
   process, which answers N (666 by default), as the kernel series does.
   Other system calls run as usual.  A filter that PROGRAM installs
   itself takes precedence (SECCOMP_RET_ERRNO over SECCOMP_RET_USER_NOTIF),
   so a program can still block the call.  Exits with PROGRAM's status.

   Used to show on a kernel without the system call that glibc's tests
   of number_of_the_beast pass with a right implementation and fail
   with a broken one (scripts/glibc-tests-proof).  */

#define _GNU_SOURCE
#include <errno.h>
#include <error.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  long value = 666, nr = 387;
  int i = 1;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2)
    {
      if (strcmp (argv[i], "--value") == 0)
	value = strtol (argv[i + 1], NULL, 0);
      else if (strcmp (argv[i], "--nr") == 0)
	nr = strtol (argv[i + 1], NULL, 0);
      else
	break;
    }
  if (i >= argc)
    error (2, 0, "usage: %s [--value N] [--nr NR] PROGRAM [ARGS...]", argv[0]);

  struct sock_filter filter[] =
    {
      BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
      BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
      BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
  struct sock_fprog prog = { .len = sizeof filter / sizeof filter[0],
			     .filter = filter };
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    error (127, errno, "PR_SET_NO_NEW_PRIVS");
  /* This process is filtered too; it never makes system call NR.  */
  int listener = syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			  SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
  if (listener < 0)
    error (127, errno, "seccomp (SECCOMP_FILTER_FLAG_NEW_LISTENER)");

  pid_t pid = fork ();
  if (pid < 0)
    error (127, errno, "fork");
  if (pid == 0)
    {
      close (listener);
      execvp (argv[i], argv + i);
      error (127, errno, "%s", argv[i]);
    }

  struct seccomp_notif_sizes sizes;
  if (syscall (SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
    error (127, errno, "SECCOMP_GET_NOTIF_SIZES");
  struct seccomp_notif *req = calloc (1, sizes.seccomp_notif);
  struct seccomp_notif_resp *resp = calloc (1, sizes.seccomp_notif_resp);
  if (req == NULL || resp == NULL)
    error (127, errno, "calloc");

  for (;;)
    {
      /* Poll, so that the end of PROGRAM (and of its children, which
	 also hold the filter) ends the loop.  */
      struct pollfd pfd = { .fd = listener, .events = POLLIN };
      int n = poll (&pfd, 1, 100);
      if (n < 0 && errno != EINTR)
	error (127, errno, "poll");
      if (n > 0 && (pfd.revents & POLLIN))
	{
	  memset (req, 0, sizes.seccomp_notif);
	  if (ioctl (listener, SECCOMP_IOCTL_NOTIF_RECV, req) != 0)
	    {
	      if (errno == EINTR || errno == ENOENT)
		continue;
	      error (127, errno, "SECCOMP_IOCTL_NOTIF_RECV");
	    }
	  memset (resp, 0, sizes.seccomp_notif_resp);
	  resp->id = req->id;
	  resp->val = value;
	  resp->error = 0;
	  if (ioctl (listener, SECCOMP_IOCTL_NOTIF_SEND, resp) != 0
	      && errno != ENOENT)
	    error (127, errno, "SECCOMP_IOCTL_NOTIF_SEND");
	}
      else if (n > 0 && (pfd.revents & POLLHUP))
	break;
      int status;
      pid_t w = waitpid (pid, &status, WNOHANG);
      if (w == pid)
	{
	  if (WIFEXITED (status))
	    return WEXITSTATUS (status);
	  return 128 + WTERMSIG (status);
	}
    }
  int status;
  if (waitpid (pid, &status, 0) != pid)
    error (127, errno, "waitpid");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}
