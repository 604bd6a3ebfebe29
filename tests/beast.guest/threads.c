/* Load: THREADS threads make CALLS calls each through the vDSO (the
   system call is filtered out) while root rewrites the sysctl in a loop
   with fresh values.  Every value a call returns must be one that was
   written, and more than one distinct value must be seen (a reader
   stuck on one value fails); the figures are printed for make
   reliability.  */
/* { dg-do run } */
/* { dg-output "^load: 8 threads x 1000000 calls, \[0-9\]+ writes, \[0-9\]+ distinct values seen, 0 never written\n$" } */
#include "beast-test.h"
#include <pthread.h>
#include <stdatomic.h>

#define THREADS 8
#define CALLS 1000000
/* The writer writes FIRST, FIRST + 1, ... (at most MAX_WRITES values);
   666 is the value before it starts.  */
#define FIRST 1000
#define MAX_WRITES (1 << 20)

static unsigned char seen[THREADS][MAX_WRITES];
static long other[THREADS];
static atomic_int running = THREADS;

static void *
reader (void *arg)
{
  long t = (long) arg;
  for (long i = 0; i < CALLS; i++)
    {
      int n = number_of_the_beast ();
      if (n >= FIRST && n < FIRST + MAX_WRITES)
	seen[t][n - FIRST] = 1;
      else if (n == 666)
	other[t] |= 1;
      else
	other[t] += 2;
    }
  atomic_fetch_sub (&running, 1);
  return NULL;
}

int
main (void)
{
  if (write_sysctl ("666") != 0)
    fail ("writing 666: %m");
  deny_beast_syscall ();
  pthread_t t[THREADS];
  for (long i = 0; i < THREADS; i++)
    if (pthread_create (&t[i], NULL, reader, (void *) i) != 0)
      fail ("pthread_create");
  long writes = 0;
  while (atomic_load (&running) > 0 && writes < MAX_WRITES)
    {
      char text[16];
      snprintf (text, sizeof text, "%ld", FIRST + writes);
      if (write_sysctl (text) != 0)
	fail ("writing %s: %m", text);
      writes++;
    }
  for (int i = 0; i < THREADS; i++)
    pthread_join (t[i], NULL);
  write_sysctl ("666");

  /* Values FIRST + WRITES and above were never written, 666 was: NEVER
     counts the distinct values seen in FIRST.. that were never written
     and the calls that returned anything else.  */
  long distinct = 0, never = 0, saw_666 = 0;
  for (long v = 0; v < MAX_WRITES; v++)
    {
      int any = 0;
      for (int i = 0; i < THREADS; i++)
	any |= seen[i][v];
      distinct += any;
      never += any && v >= writes;
    }
  for (int i = 0; i < THREADS; i++)
    {
      saw_666 |= other[i] & 1;
      never += other[i] >> 1;
    }
  printf ("load: %d threads x %d calls, %ld writes, %ld distinct values seen, "
	  "%ld never written\n", THREADS, CALLS, writes, distinct + saw_666,
	  never);
  if (writes == 0)
    fail ("no write happened during the calls");
  if (distinct + saw_666 < 2)
    fail ("the readers saw one value only, through %ld writes", writes);
  return never == 0 ? 0 : 1;
}
