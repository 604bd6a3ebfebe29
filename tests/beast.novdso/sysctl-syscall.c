/* Without a vDSO, a value written by root comes back through the
   system call.  */
/* { dg-do run } */
/* { dg-output "^after 77: number_of_the_beast\\(\\) 77 sysctl 77\n$" } */
#include "beast-test.h"

int
main (void)
{
  if (write_sysctl ("77") != 0)
    fail ("writing 77: %m");
  printf ("after 77: number_of_the_beast() %d sysctl %d\n",
	  number_of_the_beast (), read_sysctl ());
  write_sysctl ("666");
  return 0;
}
