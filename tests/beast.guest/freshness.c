/* Freshness: the writer pinned to CPU 0 writes a new value into the
   sysctl and, once write() has returned, raises a flag (a release
   store); the reader pinned to CPU 1 waits for the flag (an acquire
   load) and calls number_of_the_beast() once (the system call is
   filtered out: only the vDSO can answer).  That first call must return
   the new value: write() returns after the kernel stored it in the vDSO
   data, the flag is ordered after that store, and the reader's call
   after the flag, so a kernel that published the value later (at its
   next tick, say) fails here however soon it does.  While it waits, the
   reader's calls may return only the previous value or the new one.
   200 values in each of three rounds: both outside a time namespace;
   the reader inside one (offset by a day) while the value changes
   outside; the writer inside one, so that the change is made from
   within it.

   To reopen the hole on purpose, build it with
   -DBEAST_FRESHNESS_STALE_US=N: the reader then reads a copy of the
   value that it refreshes only every N us, as a kernel publishing at its
   next tick would give it.  */
/* { dg-do run } */
/* { dg-output "^outside: 200 values, each returned by the first call on CPU 1 after the writer's flag\n" } */
/* { dg-output "reader in a time namespace: 200 values, each returned by the first call on CPU 1 after the writer's flag\n" } */
/* { dg-output "writer in a time namespace: 200 values, each returned by the first call on CPU 1 after the writer's flag\n$" } */
#include "beast-test.h"
#include <sched.h>
#include <stdatomic.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/wait.h>

#ifndef CLONE_NEWTIME
# define CLONE_NEWTIME 0x00000080
#endif

#define ROUNDS 200
#define FIRST 5000
/* How long either side waits for the other before it gives up (a
   hung peer, not a slow value: the value is checked on the first call).  */
#define GIVE_UP_NS 10000000000LL

struct shared
{
  atomic_int asked;		/* the round whose value write() has stored */
  atomic_int seen;		/* the round the reader has checked */
  atomic_int bad;		/* the reader saw a wrong value */
  atomic_int ns_ok;		/* the process meant to be in the namespace is */
};

static struct shared *sh;

static long long
now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
pin (int cpu)
{
  cpu_set_t set;
  CPU_ZERO (&set);
  CPU_SET (cpu, &set);
  if (sched_setaffinity (0, sizeof set, &set) != 0)
    fail ("sched_setaffinity (CPU %d): %m", cpu);
}

#ifdef BEAST_FRESHNESS_STALE_US
/* The hole, reopened: a copy of the value refreshed every
   BEAST_FRESHNESS_STALE_US us at most.  */
static int
read_value (void)
{
  static int copy;
  static long long when = -1;
  long long t = now_ns ();
  if (when < 0 || t - when >= BEAST_FRESHNESS_STALE_US * 1000LL)
    {
      copy = number_of_the_beast ();
      when = t;
    }
  return copy;
}
#else
# define read_value number_of_the_beast
#endif

static void
reader (void)
{
  pin (1);
  deny_beast_syscall ();
  for (int k = 1; k <= ROUNDS; k++)
    {
      int before = k == 1 ? 666 : FIRST + k - 1;
      long long start = now_ns ();
      while (atomic_load_explicit (&sh->asked, memory_order_acquire) < k)
	{
	  int v = read_value ();
	  if (v != before && v != FIRST + k)
	    {
	      printf ("round %d: read %d while waiting for the flag, not %d "
		      "or %d\n", k, v, before, FIRST + k);
	      atomic_store (&sh->bad, 1);
	      return;
	    }
	  if (now_ns () - start > GIVE_UP_NS)
	    {
	      printf ("round %d: no flag from the writer\n", k);
	      atomic_store (&sh->bad, 1);
	      return;
	    }
	}
      int v = read_value ();
      if (v != FIRST + k)
	{
	  printf ("round %d: the first call after the flag returned %d, "
		  "not %d\n", k, v, FIRST + k);
	  atomic_store (&sh->bad, 1);
	  return;
	}
      atomic_store_explicit (&sh->seen, k, memory_order_release);
    }
}

static void
writer (void)
{
  pin (0);
  for (int k = 1; k <= ROUNDS; k++)
    {
      char text[16];
      snprintf (text, sizeof text, "%d", FIRST + k);
      if (write_sysctl (text) != 0)
	fail ("writing %s: %m", text);
      /* write() has returned: the value is in the vDSO data.  */
      atomic_store_explicit (&sh->asked, k, memory_order_release);
      long long start = now_ns ();
      while (atomic_load_explicit (&sh->seen, memory_order_acquire) < k
	     && !atomic_load (&sh->bad))
	if (now_ns () - start > GIVE_UP_NS)
	  return;
      if (atomic_load (&sh->bad))
	return;
    }
}

/* Am I in the time namespace (monotonic clock a day ahead of BASE)?  */
static int
in_namespace (long long base_sec)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec - base_sec >= 86400;
}

/* One round of ROUNDS values.  CHILD_READS: the child is the reader
   (else the writer); the child is in the namespace when NS is set.  */
static void
run (const char *what, int child_reads, int ns, long long base_sec)
{
  memset (sh, 0, sizeof *sh);
  if (write_sysctl ("666") != 0)
    fail ("writing 666: %m");
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    fail ("fork: %m");
  if (pid == 0)
    {
      atomic_store (&sh->ns_ok, in_namespace (base_sec) == ns);
      if (child_reads)
	reader ();
      else
	writer ();
      fflush (stdout);
      _exit (0);
    }
  if (child_reads)
    writer ();
  else
    reader ();
  int status;
  waitpid (pid, &status, 0);
  write_sysctl ("666");
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fail ("%s: child status %#x", what, status);
  if (!atomic_load (&sh->ns_ok))
    fail ("%s: the child is %sin the time namespace", what, ns ? "not " : "");
  int seen = atomic_load (&sh->seen);
  if (atomic_load (&sh->bad) || seen != ROUNDS)
    fail ("%s: %d of %d values returned by the first call after the flag",
	  what, seen, ROUNDS);
  printf ("%s: %d values, each returned by the first call on CPU 1 after "
	  "the writer's flag\n", what, ROUNDS);
}

int
main (void)
{
  if (sysconf (_SC_NPROCESSORS_ONLN) < 2)
    fail ("one CPU online: the writer and the reader need two");
  sh = mmap (NULL, sizeof *sh, PROT_READ | PROT_WRITE,
	     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (sh == MAP_FAILED)
    fail ("mmap: %m");
  struct timespec base;
  clock_gettime (CLOCK_MONOTONIC, &base);
  run ("outside", 1, 0, base.tv_sec);
  /* Children made after this are in a new time namespace.  */
  if (unshare (CLONE_NEWTIME) != 0)
    fail ("unshare (CLONE_NEWTIME): %m");
  FILE *f = fopen ("/proc/self/timens_offsets", "w");
  if (f == NULL || fputs ("monotonic 86400 0\n", f) < 0 || fclose (f) != 0)
    fail ("/proc/self/timens_offsets: %m");
  run ("reader in a time namespace", 1, 1, base.tv_sec);
  run ("writer in a time namespace", 0, 1, base.tv_sec);
  return 0;
}
