/* Threads calling concurrently each get -1 and their own errno ENOSYS;
   the main thread's errno is left alone.  Also run against libbeast
   (beast.libbeast-host), where the first calls race to set libbeast.a's
   pointer.  */
/* { dg-do run } */
/* { dg-output "^8 threads x 10000 calls: all -1/ENOSYS, main errno unchanged\n$" } */
#include "beast-test.h"
#include <pthread.h>

#define THREADS 8
#define CALLS 10000

static void *
worker (void *arg)
{
  long bad = 0;
  for (int i = 0; i < CALLS; i++)
    {
      errno = 0;
      if (number_of_the_beast () != -1 || errno != ENOSYS)
	bad++;
    }
  return (void *) bad;
}

int
main (void)
{
  pthread_t t[THREADS];
  errno = EBADF;
  for (int i = 0; i < THREADS; i++)
    if (pthread_create (&t[i], NULL, worker, NULL) != 0)
      fail ("pthread_create");
  long bad = 0;
  for (int i = 0; i < THREADS; i++)
    {
      void *r;
      pthread_join (t[i], &r);
      bad += (long) r;
    }
  if (bad != 0)
    fail ("%ld calls did not fail with ENOSYS", bad);
  printf ("%d threads x %d calls: all -1/ENOSYS, main errno %s\n",
	  THREADS, CALLS, errno == EBADF ? "unchanged" : "clobbered");
  return 0;
}
