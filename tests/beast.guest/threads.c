/* Readers in many threads never see a value that was not written, while
   root rewrites kernel.number_of_the_beast in a loop.  */
/* { dg-do run } */
/* { dg-output "4 readers, 200 writes: every value seen was written" } */
#include "beast-test.h"
#include <pthread.h>
#include <stdatomic.h>

#define READERS 4
#define WRITES 200
/* Written values are 1000..1000+WRITES-1, besides the initial 666.  */
#define FIRST 1000

static atomic_int done;

static void *
reader (void *arg)
{
  long calls = 0, bad = 0;
  while (!atomic_load (&done))
    {
      int n = number_of_the_beast ();
      if (n != 666 && (n < FIRST || n >= FIRST + WRITES))
	bad++;
      calls++;
    }
  *(long *) arg = calls;
  return (void *) bad;
}

int
main (void)
{
  pthread_t t[READERS];
  long calls[READERS], bad = 0, total = 0;
  for (int i = 0; i < READERS; i++)
    if (pthread_create (&t[i], NULL, reader, &calls[i]) != 0)
      fail ("pthread_create");
  for (int i = 0; i < WRITES; i++)
    {
      char text[16];
      snprintf (text, sizeof text, "%d", FIRST + i);
      if (write_sysctl (text) != 0)
	fail ("writing %s: %m", text);
    }
  atomic_store (&done, 1);
  for (int i = 0; i < READERS; i++)
    {
      void *r;
      pthread_join (t[i], &r);
      bad += (long) r;
      total += calls[i];
    }
  write_sysctl ("666");
  fprintf (stderr, "info: %ld calls, %ld unexpected values\n", total, bad);
  if (bad != 0)
    fail ("%ld calls returned a value never written", bad);
  printf ("%d readers, %d writes: every value seen was written\n",
	  READERS, WRITES);
  return 0;
}
