/* Without a vDSO (no AT_SYSINFO_EHDR), libbeast takes the system call
   and still gets the kernel's number; the failed getauxval leaves errno
   alone.  A static program survives too: libbeast.a chooses on the
   first call, not in an IRELATIVE resolver that would run before TLS.  */
/* { dg-do run } */
/* { dg-output "^vDSO mapped: no\n" } */
/* { dg-output "number_of_the_beast\\(\\) = 666, errno unchanged, " } */
/* { dg-output "(dynamic: resolves into libbeast.so.1|static: linked in)\n$" } */
#include "beast-test.h"
#include <beast.h>
#include <link.h>
#include <sys/auxv.h>

extern ElfW(Dyn) _DYNAMIC[] __attribute__ ((weak));

int
main (void)
{
  printf ("vDSO mapped: %s\n", getauxval (AT_SYSINFO_EHDR) ? "yes" : "no");
  /* A call through the PLT: with lazy binding the resolver runs now.  */
  errno = EBADF;
  int n = number_of_the_beast ();
  int (*volatile fn) (void) = number_of_the_beast;
  printf ("number_of_the_beast() = %d, errno %s, ", n,
	  errno == EBADF ? "unchanged" : strerrorname_np (errno));
  if (_DYNAMIC != NULL)
    printf ("dynamic: resolves into %s\n", mapping_of ((void *) fn));
  else
    printf ("static: linked in\n");
  return 0;
}
