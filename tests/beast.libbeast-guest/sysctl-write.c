/* Root changes kernel.number_of_the_beast: libbeast, the system call
   and /proc/sys answer the new value at once.  */
/* { dg-do run } */
/* { dg-output "^before: libbeast 666 syscall 666 sysctl 666\n" } */
/* { dg-output "after 42: libbeast 42 syscall 42 sysctl 42\n" } */
/* { dg-output "after 2147483647: libbeast 2147483647 syscall 2147483647 sysctl 2147483647\n$" } */
#include "beast-test.h"
#include <beast.h>

static void
show (const char *when)
{
  printf ("%s: libbeast %d syscall %ld sysctl %d\n", when,
	  number_of_the_beast (), beast_syscall (), read_sysctl ());
}

int
main (void)
{
  static const char *values[] = { "42", "2147483647" };
  show ("before");
  for (int i = 0; i < 2; i++)
    {
      char when[32];
      int err = write_sysctl (values[i]);
      if (err != 0)
	fail ("writing %s: %s", values[i], strerror (err));
      snprintf (when, sizeof when, "after %s", values[i]);
      show (when);
    }
  write_sysctl ("666");
  return 0;
}
