/* The strict proof that a call does not enter the kernel: a child traced
   with PTRACE_SYSCALL stops itself (kill (getpid (), SIGSTOP)), calls FN
   CALLS times, stores the last value in memory it shares with the
   tracer and exits with _exit; the tracer counts every system-call entry
   from that stop to the child's exit_group, as the kernel's selftest
   vdso_test_number_of_the_beast does.  There is no marker call to count
   between: whatever FN does in the child, each of its system calls is
   counted, also one that is the same as the harness's own (getppid, the
   marker of an earlier version, which a function calling it itself
   could pass off as the end of the count).  The tracer reads each stop
   with PTRACE_GET_SYSCALL_INFO, and takes the child's ABI (x86_64, x32,
   i386 or aarch64) from its exit_group, whatever the tracer's own.
   Self-contained: also built by the host's gcc for -m32 and -mx32, and
   by the arm64 sysroot's gcc.  */

#ifndef BEAST_TRACE_H
#define BEAST_TRACE_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define TRACE_X32_BIT 0x40000000UL
#define TRACE_ARCH_X86_64 0xc000003eU
#define TRACE_ARCH_I386 0x40000003U
#define TRACE_ARCH_AARCH64 0xc00000b7U

struct trace_result
{
  long syscalls;	/* system-call entries from the stop to exit_group */
  const char *abi;	/* the ABI of the child's exit_group */
  int value;		/* what FN returned on its last call */
};

/* What the child leaves for the tracer, in a shared mapping: written
   without a system call.  */
struct trace_shared
{
  volatile int done;	/* FN was called CALLS times */
  volatile int value;
};

/* The ABI name of a system-call entry.  */
static inline const char *
trace_abi (const struct __ptrace_syscall_info *info)
{
  return info->arch == TRACE_ARCH_I386 ? "i386"
	 : info->arch == TRACE_ARCH_X86_64 && (info->entry.nr & TRACE_X32_BIT)
	   ? "x32"
	 : info->arch == TRACE_ARCH_X86_64 ? "x86_64"
	 : info->arch == TRACE_ARCH_AARCH64 ? "aarch64" : "?";
}

/* Run FN CALLS times in a traced child; fills *R.  Returns 0, or -1 when
   tracing itself failed (with a message on stdout).  */
static inline int
trace_calls (int (*fn) (void), int calls, struct trace_result *r)
{
  memset (r, 0, sizeof *r);
  r->abi = "?";
  struct trace_shared *sh = mmap (NULL, sizeof *sh, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (sh == MAP_FAILED)
    return perror ("mmap"), -1;
  sh->done = 0;
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    return perror ("fork"), -1;
  if (pid == 0)
    {
      /* getpid before the stop: only what follows the stop counts.  */
      pid_t self = getpid ();
      if (ptrace (PTRACE_TRACEME, 0, 0, 0) != 0 || kill (self, SIGSTOP) != 0)
	_exit (126);
      /* Counted from here: FN's calls and the exit_group of _exit.  */
      int value = 0;
      for (int i = 0; i < calls; i++)
	value = fn ();
      sh->value = value;
      sh->done = 1;
      _exit (0);
    }
  int status;
  if (waitpid (pid, &status, 0) != pid || !WIFSTOPPED (status)
      || WSTOPSIG (status) != SIGSTOP)
    return printf ("child did not stop\n"), -1;
  if (ptrace (PTRACE_SETOPTIONS, pid, 0,
	      PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL) != 0)
    return perror ("PTRACE_SETOPTIONS"), -1;
  int sig = 0, exits = 0;
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
      /* The child's last entry, once it has made its calls: that
	 exit_group is the end of the count, not a call of FN's.  */
      if ((info.entry.nr & ~TRACE_X32_BIT)
	  == ((unsigned long) SYS_exit_group & ~TRACE_X32_BIT)
	  && sh->done)
	{
	  exits++;
	  r->abi = trace_abi (&info);
	  continue;
	}
      r->syscalls++;
    }
  int ok = WIFEXITED (status) && WEXITSTATUS (status) == 0 && sh->done
	   && exits == 1;
  r->value = sh->value;
  munmap (sh, sizeof *sh);
  if (!ok)
    return printf ("traced child: status %#x, %s\n", status,
		   exits == 1 ? "calls made" : "no exit_group after its calls"),
	   -1;
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
	  what, r.abi, r.syscalls, calls, r.value);
  return 0;
}

/* The spoofing control: the system call that was the harness's marker
   (getppid), made by the function under test itself, around a constant.
   It must be counted: CALLS system calls in CALLS calls.  */
static inline int
trace_spoof (void)
{
  syscall (SYS_getppid);
  return 666;
}

#endif
