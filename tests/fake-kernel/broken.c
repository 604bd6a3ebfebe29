/* broken: wrong versions of number_of_the_beast, to show that glibc's
   tests of the function fail on them (scripts/glibc-tests-proof).  One of:

     -DBROKEN_ENOSYS    fails as on a kernel without the function:
			errno = ENOSYS, return -1
     -DBROKEN_NR=N      makes system call N instead of 387
     -DBROKEN_NO_VDSO   always makes the system call, never the vDSO's

   Linked before libc.a into the static test, or preloaded (with the
   version GNU_BEAST_1.0, broken.lds) into the dynamic one, it takes the
   place of glibc's.  */

#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

int
number_of_the_beast (void)
{
#if defined BROKEN_ENOSYS
  errno = ENOSYS;
  return -1;
#elif defined BROKEN_NR
  return syscall (BROKEN_NR);
#elif defined BROKEN_NO_VDSO
  return syscall (387);
#else
# error "define BROKEN_ENOSYS, BROKEN_NR or BROKEN_NO_VDSO"
#endif
}
