/* bench: the cost of a call, in nanoseconds.

     bench TEST...

   For each TEST, prints "TEST MIN MEDIAN RESULT SYSCALLS": the minimum
   and the median over REPEATS timed batches of the ns per call, what one
   call returned, and how many system calls 1000 calls made (counted by
   a tracer, tests/lib/beast-trace.h: the proof the suite uses), or "-".
   A batch is sized to take about 50 ms, at least 1M calls; with
   BENCH_SHORT set in the environment, about 5 ms, at least 10000
   calls.

     beast         number_of_the_beast(), as a program calls it
     vdso-direct   __vdso_number_of_the_beast, found with dlvsym
     const         beast_const() in libconst.so: the limit for a call
     syscall       syscall(SYS_number_of_the_beast)
     gettimeofday  gettimeofday()
     getppid       syscall(SYS_getppid)

   Built with -DBENCH_STATIC (and -static), only "beast" is there.
   Built with -DBENCH_LIBBEAST, number_of_the_beast() is libbeast's.  */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef BENCH_LIBBEAST
# include <beast.h>
# define SYS_number_of_the_beast 387
#else
# include <sys/beast.h>
#endif
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "beast-trace.h"

#define REPEATS 11
static double batch_ns = 50e6;
static long min_calls = 1000000L;

int beast_const (void);

static int (*vdso_beast) (void);
static volatile long sink;

#ifndef BENCH_STATIC
static int
call_vdso (void)
{
  return vdso_beast ();
}

static int
call_syscall (void)
{
  return syscall (SYS_number_of_the_beast);
}
#endif

/* One loop per test, so that each call is made as a program makes it.  */
#define LOOP(name, expr)						\
  static __attribute__ ((noinline, aligned (64))) long	\
  name##_loop (long n)							\
  {									\
    long sum = 0;							\
    for (long i = 0; i < n; i++)					\
      sum += (expr);							\
    return sum;								\
  }

LOOP (beast, number_of_the_beast ())
#ifndef BENCH_STATIC
static int
tv_usec (void)
{
  struct timeval tv;
  gettimeofday (&tv, NULL);
  return tv.tv_usec;
}

LOOP (vdso_direct, vdso_beast ())
LOOP (const, beast_const ())
LOOP (syscall, syscall (SYS_number_of_the_beast))
LOOP (gettimeofday, tv_usec ())
LOOP (getppid, syscall (SYS_getppid))
#endif

static const struct test
{
  const char *name;
  long (*loop) (long);
  int (*once) (void);
} tests[] = {
  { "beast", beast_loop, number_of_the_beast },
#ifndef BENCH_STATIC
  { "vdso-direct", vdso_direct_loop, call_vdso },
  { "const", const_loop, beast_const },
  { "syscall", syscall_loop, call_syscall },
  { "gettimeofday", gettimeofday_loop, NULL },
  { "getppid", getppid_loop, NULL },
#endif
};

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Nanoseconds per call of LOOP over N calls.  */
static double
batch (long (*loop) (long), long n)
{
  double start = now ();
  sink = loop (n);
  return (now () - start) / n;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
run (const struct test *t)
{
  double ns[REPEATS];
  char result[64], syscalls[32] = "-";
  if (strcmp (t->name, "vdso-direct") == 0 && vdso_beast == NULL)
    {
      printf ("%s - - absent -\n", t->name);
      return;
    }
  /* Warm up, and size the batches.  */
  long n = 1000;
  double per_call;
  while ((per_call = batch (t->loop, n)) * n < 10e6)
    n *= 2;
  n = batch_ns / per_call;
  if (n < min_calls)
    n = min_calls;
  for (int r = 0; r < REPEATS; r++)
    ns[r] = batch (t->loop, n);
  qsort (ns, REPEATS, sizeof ns[0], compare);
  if (t->once != NULL)
    {
      errno = 0;
      int v = t->once ();
      snprintf (result, sizeof result, errno ? "%d/%s" : "%d", v,
		strerrorname_np (errno));
    }
  else
    strcpy (result, "-");
  struct trace_result r;
  if (t->once != NULL && trace_calls (t->once, 1000, &r) == 0)
    snprintf (syscalls, sizeof syscalls, "%ld", r.syscalls);
  printf ("%s %.2f %.2f %s %s\n", t->name, ns[0], ns[REPEATS / 2], result,
	  syscalls);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s TEST...\n", argv[0]);
      return 2;
    }
  if (getenv ("BENCH_SHORT") != NULL)
    {
      batch_ns = 5e6;
      min_calls = 10000;
    }
#ifndef BENCH_STATIC
  /* The vDSO's soname: linux-gate.so.1 in i386 processes.  */
#ifdef __i386__
  void *vdso = dlopen ("linux-gate.so.1", RTLD_NOLOAD | RTLD_NOW);
#else
  void *vdso = dlopen ("linux-vdso.so.1", RTLD_NOLOAD | RTLD_NOW);
#endif
  if (vdso != NULL)
#ifdef __aarch64__
    vdso_beast = dlvsym (vdso, "__kernel_number_of_the_beast", "LINUX_2.6.39");
#else
    vdso_beast = dlvsym (vdso, "__vdso_number_of_the_beast", "LINUX_2.6");
#endif
#endif
  for (int i = 1; i < argc; i++)
    {
      size_t k = 0;
      while (k < sizeof tests / sizeof tests[0]
	     && strcmp (tests[k].name, argv[i]) != 0)
	k++;
      if (k == sizeof tests / sizeof tests[0])
	{
	  fprintf (stderr, "%s: no test %s here\n", argv[0], argv[i]);
	  return 2;
	}
      run (&tests[k]);
    }
  return 0;
}
