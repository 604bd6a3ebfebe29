/* Root changes kernel.number_of_the_beast: the vDSO path, the system
   call and /proc/sys answer the new value at once.  */
/* { dg-do run } */
/* { dg-output "^before: vdso 666 syscall 666 sysctl 666\n" } */
/* { dg-output "after 42: vdso 42 syscall 42 sysctl 42\n" } */
/* { dg-output "after 0: vdso 0 syscall 0 sysctl 0\n" } */
/* { dg-output "after 2147483647: vdso 2147483647 syscall 2147483647 sysctl 2147483647\n$" } */
#include "beast-test.h"

static void
show (const char *when)
{
  printf ("%s: vdso %d syscall %ld sysctl %d\n", when,
	  number_of_the_beast (), beast_syscall (), read_sysctl ());
}

int
main (void)
{
  static const char *values[] = { "42", "0", "2147483647" };
  show ("before");
  for (int i = 0; i < 3; i++)
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
