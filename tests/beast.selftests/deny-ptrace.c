/* deny-ptrace PROGRAM ARG...: runs PROGRAM with ptrace () failing with
   EPERM, through a seccomp filter, as it fails under Yama's ptrace_scope 3
   (PTRACE_TRACEME included).  The filter is for this program's own ABI,
   which is PROGRAM's: tests/beast.selftests runs the series' selftest
   under it, which must then skip what needs ptrace and run the rest.  */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#if defined __x86_64__ && !defined __ILP32__
# define BEAST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined __aarch64__
# define BEAST_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
# error "deny-ptrace: no AUDIT_ARCH for this ABI"
#endif

int
main (int argc, char **argv)
{
  struct sock_filter code[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, BEAST_AUDIT_ARCH, 0, 3),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = { sizeof code / sizeof code[0], code };

  if (argc < 2)
    {
      fprintf (stderr, "usage: deny-ptrace PROGRAM ARG...\n");
      return 2;
    }
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
      || prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
    {
      perror ("deny-ptrace: seccomp");
      return 2;
    }
  execv (argv[1], argv + 1);
  perror (argv[1]);
  return 127;
}
