/* The vDSO answers without entering the kernel, in dynamic and static
   programs alike: with a seccomp filter that makes the system call fail
   with EPERM, number_of_the_beast() still returns the number.  */
/* { dg-do run } */
/* { dg-output "filtered syscall: -1 EPERM\n" } */
/* { dg-output "number_of_the_beast\\(\\) = 666, errno unchanged" } */
#include <stddef.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include "beast-test.h"

int
main (void)
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

  errno = 0;
  long r = beast_syscall ();
  printf ("filtered syscall: %ld %s\n", r, errno ? strerrorname_np (errno) : "-");
  errno = EBADF;
  int n = number_of_the_beast ();
  printf ("number_of_the_beast() = %d, errno %s\n", n,
	  errno == EBADF ? "unchanged" : strerrorname_np (errno));
  return 0;
}
