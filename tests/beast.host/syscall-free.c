/* The system call number chosen for number_of_the_beast is unused by
   this machine's kernel: the raw system call fails with ENOSYS.  */
/* { dg-do run } */
/* { dg-output "^syscall\\(387\\) = -1, errno ENOSYS\n$" } */
#include "beast-test.h"

int
main (void)
{
  errno = 0;
  long r = beast_syscall ();
  printf ("syscall(%d) = %ld, errno %s\n", SYS_number_of_the_beast, r,
	  errno ? strerrorname_np (errno) : "unchanged");
  return 0;
}
