/* Threads whose first calls race (libbeast.a's pointer is set by the
   first call) all read the number through the vDSO.  */
/* { dg-do run } */
/* { dg-output "^8 threads x 10000 calls: all 666\n$" } */
#include "beast-test.h"
#include <beast.h>
#include <pthread.h>

#define THREADS 8
#define CALLS 10000

static pthread_barrier_t start;

static void *
worker (void *arg)
{
  long bad = 0;
  pthread_barrier_wait (&start);
  for (int i = 0; i < CALLS; i++)
    if (number_of_the_beast () != 666)
      bad++;
  return (void *) bad;
}

int
main (void)
{
  pthread_t t[THREADS];
  pthread_barrier_init (&start, NULL, THREADS);
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
    fail ("%ld calls did not return 666", bad);
  printf ("%d threads x %d calls: all 666\n", THREADS, CALLS);
  return 0;
}
