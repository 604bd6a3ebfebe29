/* strict_check (FN, ABI): the strictest place to call FN, a vDSO entry:
   a child in a new time namespace (its monotonic clock a day ahead) under
   a seccomp filter that checks the architecture and kills the process on
   any system call but write and exit_group; the sysctl is changed to 777
   from outside once the child is inside, and FN must return 777.  Prints
   "ABI ABI, in a time namespace under seccomp (write, exit_group): V".
   Self-contained: also built by the host's gcc for -m32 and -mx32.  */

#ifndef BEAST_STRICT_H
#define BEAST_STRICT_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#ifndef CLONE_NEWTIME
# define CLONE_NEWTIME 0x00000080
#endif

#ifdef __aarch64__
# define STRICT_ARCH AUDIT_ARCH_AARCH64
# define STRICT_ABI "aarch64"
#elif defined __i386__
# define STRICT_ARCH AUDIT_ARCH_I386
# define STRICT_ABI "i386"
#elif defined __ILP32__
# define STRICT_ARCH AUDIT_ARCH_X86_64
# define STRICT_ABI "x32"
#else
# define STRICT_ARCH AUDIT_ARCH_X86_64
# define STRICT_ABI "x86_64"
#endif

static inline void
strict_seccomp (void)
{
  struct sock_filter code[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, STRICT_ARCH, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 2, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = { sizeof code / sizeof code[0], code };
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
      || syscall (__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
    {
      perror ("seccomp");
      exit (1);
    }
}

static inline int
strict_write_sysctl (const char *text)
{
  int fd = open ("/proc/sys/kernel/number_of_the_beast", O_WRONLY);
  if (fd < 0)
    return -1;
  int ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok ? 0 : -1;
}

static inline int
strict_check (int (*fn) (void))
{
  int in[2], out[2];
  struct timespec before, inside;
  if (pipe (in) != 0 || pipe (out) != 0)
    return perror ("pipe"), 1;
  if (strict_write_sysctl ("666") != 0)
    return perror ("sysctl"), 1;
  if (unshare (CLONE_NEWTIME) != 0)
    return perror ("unshare (CLONE_NEWTIME)"), 1;
  FILE *f = fopen ("/proc/self/timens_offsets", "w");
  if (f == NULL || fputs ("monotonic 86400 0\n", f) < 0 || fclose (f) != 0)
    return perror ("/proc/self/timens_offsets"), 1;
  clock_gettime (CLOCK_MONOTONIC, &before);
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    return perror ("fork"), 1;
  if (pid == 0)
    {
      char c = 'n';
      clock_gettime (CLOCK_MONOTONIC, &inside);
      if (inside.tv_sec - before.tv_sec >= 86400)
	c = 'y';
      strict_seccomp ();
      /* From here on: write and exit_group only.  */
      syscall (__NR_write, in[1], &c, 1);
      /* Wait for the parent's change without a system call.  */
      volatile int spins = 0;
      int v;
      while ((v = fn ()) == 666 && spins < 100000000)
	spins++;
      syscall (__NR_write, out[1], &v, sizeof v);
      syscall (__NR_exit_group, 0);
    }
  /* Only the child writes: a child killed by the filter ends both reads.  */
  close (in[1]);
  close (out[1]);
  char c;
  int v = -1;
  if (read (in[0], &c, 1) != 1)
    return printf ("the child died before it was inside\n"), 1;
  if (strict_write_sysctl ("777") != 0)
    return perror ("sysctl"), 1;
  int got = read (out[0], &v, sizeof v) == sizeof v;
  int status;
  waitpid (pid, &status, 0);
  strict_write_sysctl ("666");
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return printf ("child: %s %d\n", WIFSIGNALED (status) ? "killed by signal"
		   : "exit status", WIFSIGNALED (status) ? WTERMSIG (status)
		   : WEXITSTATUS (status)), 1;
  printf ("ABI %s, %s a time namespace under seccomp (write, exit_group): %d\n",
	  STRICT_ABI, c == 'y' ? "in" : "NOT in", got ? v : -1);
  return 0;
}

#endif
