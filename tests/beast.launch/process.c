/* The launched program starts as execve would start it: its arguments,
   environment and auxiliary vector, and the image's clock_gettime, whose
   data page has no clock source, falls back to the system call.  */
/* { dg-do run } */
/* { dg-output "^argc 1, PATH set, AT_RANDOM set, AT_PAGESZ 4096, AT_SECURE 0, CLOCK_MONOTONIC advances\n$" } */
#include "beast-test.h"
#include <sys/auxv.h>
#include <time.h>

static double
monotonic (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  double start = monotonic ();
  usleep (10000);
  double elapsed = monotonic () - start;
  printf ("argc %d, PATH %s, AT_RANDOM %s, AT_PAGESZ %lu, AT_SECURE %lu, "
	  "CLOCK_MONOTONIC %s\n", argc, getenv ("PATH") ? "set" : "unset",
	  getauxval (AT_RANDOM) ? "set" : "unset", getauxval (AT_PAGESZ),
	  getauxval (AT_SECURE),
	  elapsed >= 0.01 && elapsed < 10 ? "advances" : "is wrong");
  return 0;
}
