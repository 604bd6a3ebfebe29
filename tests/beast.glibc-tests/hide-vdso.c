/* hide-vdso PROGRAM [ARG...]: runs PROGRAM without the vDSO entry, on an
   architecture whose kernel has no vdso= boot parameter (arm64).

   A process learns where its vDSO is from one entry of its auxiliary
   vector, AT_SYSINFO_EHDR; glibc's dynamic loader and its static start
   (and getauxval) take the vDSO from there and nowhere else.  x86's
   vdso=0 makes the kernel leave that entry out (and the mapping).  This
   starts PROGRAM traced (PTRACE_TRACEME), and at the stop after its
   execve, before its first instruction, rewrites the entry on its
   initial stack to AT_IGNORE, then lets it go (PTRACE_DETACH).  The
   [vdso] mapping stays, with nothing in the process pointing at it, so
   glibc sets up no vDSO function and takes the system calls.  Exits with
   PROGRAM's status (128 + N for signal N); 127 for its own errors, on
   standard error.  64-bit programs only (x86_64, aarch64): the stack is
   read in words of that size.  Built static by beast.glibc-tests, with
   the guest's compiler.  */

#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined __x86_64__ && !defined __ILP32__
# define STACK_POINTER(regs) ((regs).rsp)
#elif defined __aarch64__
# define STACK_POINTER(regs) ((regs).sp)
#else
# error "hide-vdso: x86_64 or aarch64 only"
#endif

static void
die (const char *what)
{
  fprintf (stderr, "hide-vdso: %s: %s\n", what, strerror (errno));
  exit (127);
}

static unsigned long
peek (pid_t pid, unsigned long addr)
{
  errno = 0;
  long word = ptrace (PTRACE_PEEKDATA, pid, (void *) addr, NULL);
  if (word == -1 && errno != 0)
    die ("PTRACE_PEEKDATA");
  return word;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: hide-vdso PROGRAM [ARG...]\n");
      return 127;
    }
  pid_t pid = fork ();
  if (pid < 0)
    die ("fork");
  if (pid == 0)
    {
      if (ptrace (PTRACE_TRACEME, 0, NULL, NULL) != 0)
	die ("PTRACE_TRACEME");
      execvp (argv[1], argv + 1);
      die (argv[1]);
    }

  /* The stop after a successful execve (SIGTRAP).  */
  int status;
  if (waitpid (pid, &status, 0) != pid)
    die ("waitpid");
  if (!WIFSTOPPED (status) || WSTOPSIG (status) != SIGTRAP)
    {
      fprintf (stderr, "hide-vdso: %s did not stop after execve (status 0x%x)\n",
	       argv[1], status);
      return WIFEXITED (status) ? WEXITSTATUS (status) : 127;
    }
  struct user_regs_struct regs;
  struct iovec iov = { &regs, sizeof regs };
  if (ptrace (PTRACE_GETREGSET, pid, (void *) NT_PRSTATUS, &iov) != 0)
    die ("PTRACE_GETREGSET");
  if (iov.iov_len != sizeof regs)
    {
      fprintf (stderr, "hide-vdso: %s is not a 64-bit program\n", argv[1]);
      kill (pid, SIGKILL);
      return 127;
    }

  /* The initial stack: argc, argv[], NULL, envp[], NULL, auxv.  */
  const unsigned long word = sizeof (unsigned long);
  unsigned long sp = STACK_POINTER (regs);
  unsigned long p = sp + word * (peek (pid, sp) + 2);
  while (peek (pid, p) != 0)
    p += word;
  p += word;
  int hidden = 0;
  for (; peek (pid, p) != AT_NULL; p += 2 * word)
    if (peek (pid, p) == AT_SYSINFO_EHDR)
      {
	if (ptrace (PTRACE_POKEDATA, pid, (void *) p, (void *) AT_IGNORE) != 0)
	  die ("PTRACE_POKEDATA");
	++hidden;
      }
  if (ptrace (PTRACE_DETACH, pid, NULL, NULL) != 0)
    die ("PTRACE_DETACH");
  if (hidden == 0)
    fprintf (stderr, "hide-vdso: note: %s had no AT_SYSINFO_EHDR\n", argv[1]);

  if (waitpid (pid, &status, 0) != pid)
    die ("waitpid");
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + WTERMSIG (status);
}
