/* beast-launch --value 42 puts 42 in the data page: the vDSO reads it.  */
/* { dg-do run } */
/* { dg-launch-options "--value 42" } */
/* { dg-output "^number_of_the_beast\\(\\) = 42\n$" } */
#include "beast-test.h"

int
main (void)
{
  printf ("number_of_the_beast() = %d\n", number_of_the_beast ());
  return 0;
}
