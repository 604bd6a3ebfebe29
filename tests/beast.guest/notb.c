/* The program from the README, built with plain gcc.  */
/* { dg-do run } */
/* { dg-output "^His number is 666\n$" } */
#include <stdio.h>
#include <sys/beast.h>

int
main (void)
{
  printf ("His number is %d\n", number_of_the_beast ());
  return 0;
}
