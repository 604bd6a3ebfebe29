/* The strict proof that a call does not enter the kernel: a child traced
   with PTRACE_SYSCALL makes a marker system call (getppid), calls FN
   CALLS times, makes the marker again, and the tracer counts every
   system-call stop in between.  The tracer reads each stop with
   PTRACE_GET_SYSCALL_INFO, so it sees the ABI the child entered with
   (x86_64, x32, i386 or aarch64) whatever its own.  Self-contained: also built by
   the host's gcc for -m32 and -mx32, without the patched glibc.  */

#ifndef BEAST_TRACE_H
#define BEAST_TRACE_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define TRACE_X32_BIT 0x40000000UL
#define TRACE_ARCH_X86_64 0xc000003eU
#define TRACE_ARCH_I386 0x40000003U
#define TRACE_ARCH_AARCH64 0xc00000b7U

struct trace_result
{
  long syscalls;	/* system-call entries between the markers */
  int markers;		/* marker entries seen: 2 */
  const char *abi;	/* the ABI of the markers */
  int value;		/* what FN returned on its last call */
};

static inline int
trace_child (int (*fn) (void), int calls, int fd)
{
  int value = 0;
  syscall (SYS_getppid);
  for (int i = 0; i < calls; i++)
    value = fn ();
  syscall (SYS_getppid);
  if (write (fd, &value, sizeof value) != sizeof value)
    return 1;
  return 0;
}

/* Run FN CALLS times in a traced child; fills *R.  Returns 0, or -1 when
   tracing itself failed (with a message on stdout).  */
static inline int
trace_calls (int (*fn) (void), int calls, struct trace_result *r)
{
  int fds[2];
  memset (r, 0, sizeof *r);
  r->abi = "?";
  if (pipe (fds) != 0)
    return perror ("pipe"), -1;
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    return perror ("fork"), -1;
  if (pid == 0)
    {
      if (ptrace (PTRACE_TRACEME, 0, 0, 0) != 0)
	_exit (126);
      raise (SIGSTOP);
      _exit (trace_child (fn, calls, fds[1]));
    }
  close (fds[1]);
  int status;
  if (waitpid (pid, &status, 0) != pid || !WIFSTOPPED (status))
    return printf ("child did not stop\n"), -1;
  if (ptrace (PTRACE_SETOPTIONS, pid, 0,
	      PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) != 0)
    return perror ("PTRACE_SETOPTIONS"), -1;
  int sig = 0;
  for (;;)
    {
      if (ptrace (PTRACE_SYSCALL, pid, 0, sig) != 0)
	return perror ("PTRACE_SYSCALL"), -1;
      if (waitpid (pid, &status, 0) != pid)
	return perror ("waitpid"), -1;
      if (WIFEXITED (status) || WIFSIGNALED (status))
	break;
      sig = 0;
      if (WSTOPSIG (status) != (SIGTRAP | 0x80))
	{
	  sig = WSTOPSIG (status);
	  continue;
	}
      struct __ptrace_syscall_info info;
      memset (&info, 0, sizeof info);
      if (ptrace (PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info) <= 0)
	return perror ("PTRACE_GET_SYSCALL_INFO"), -1;
      if (info.op != PTRACE_SYSCALL_INFO_ENTRY)
	continue;
      unsigned long nr = info.entry.nr;
      if ((nr & ~TRACE_X32_BIT) == ((unsigned long) SYS_getppid & ~TRACE_X32_BIT)
	  && r->markers < 2)
	{
	  r->markers++;
	  r->abi = info.arch == TRACE_ARCH_I386 ? "i386"
		   : nr & TRACE_X32_BIT ? "x32"
		   : info.arch == TRACE_ARCH_X86_64 ? "x86_64"
		   : info.arch == TRACE_ARCH_AARCH64 ? "aarch64" : "?";
	  continue;
	}
      if (r->markers == 1)
	r->syscalls++;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return printf ("traced child: status %#x\n", status), -1;
  if (read (fds[0], &r->value, sizeof r->value) != sizeof r->value)
    return printf ("traced child: no value\n"), -1;
  close (fds[0]);
  return 0;
}

/* Print the line a test's dg-output checks:
   "WHAT: ABI ABI, N system calls in CALLS calls, value V".  */
static inline int
trace_report (const char *what, int (*fn) (void), int calls)
{
  struct trace_result r;
  if (trace_calls (fn, calls, &r) != 0)
    return 1;
  printf ("%s: ABI %s, %ld system calls in %d calls, value %d\n",
	  what, r.abi, r.markers == 2 ? r.syscalls : -1L, calls, r.value);
  return 0;
}

#endif
