/* Several root processes write distinct values to the sysctl at once
   while readers read it through the vDSO, the system call and /proc:
   every value any reader sees is one some writer wrote successfully
   (or the value set before), and at the end all three agree.  */
/* { dg-do run } */
/* { dg-output "\n4 writers x 100 writes, all accepted\n" } */
/* { dg-output "vdso: every value seen was written\n" } */
/* { dg-output "syscall: every value seen was written\n" } */
/* { dg-output "/proc: every value seen was written\n" } */
/* { dg-output "after: vdso, syscall and /proc agree\n$" } */
#include "beast-test.h"
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define WRITERS 4
#define WRITES 100
/* Writer K writes (K + 1) * STRIDE + I for I < WRITES; root sets
   INITIAL before any writer starts.  */
#define STRIDE 1000
#define INITIAL 500
#define LIMIT ((WRITERS + 1) * STRIDE)

enum path { VDSO, SYSCALL, PROC, PATHS };
static const char *const path_name[PATHS] = { "vdso", "syscall", "/proc" };

/* Shared with the writer processes: which writes succeeded.  */
static unsigned char *accepted;
static unsigned char seen[PATHS][LIMIT];
static long outside[PATHS];
static atomic_int done;

static void *
reader (void *arg)
{
  enum path p = (enum path) (long) arg;
  while (!atomic_load (&done))
    {
      long v = (p == VDSO ? number_of_the_beast ()
		: p == SYSCALL ? beast_syscall () : read_sysctl ());
      if (v >= 0 && v < LIMIT)
	seen[p][v] = 1;
      else
	outside[p]++;
    }
  return NULL;
}

static void
writer (int k)
{
  for (int i = 0; i < WRITES; i++)
    {
      char text[16];
      int value = (k + 1) * STRIDE + i;
      snprintf (text, sizeof text, "%d", value);
      if (write_sysctl (text) == 0)
	accepted[value] = 1;
      /* Let the readers see most values.  */
      usleep (1000);
    }
  _exit (0);
}

int
main (void)
{
  accepted = mmap (NULL, LIMIT, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (accepted == MAP_FAILED)
    fail ("mmap: %m");
  char text[16];
  snprintf (text, sizeof text, "%d", INITIAL);
  if (write_sysctl (text) != 0)
    fail ("writing %d: %m", INITIAL);
  accepted[INITIAL] = 1;

  pthread_t t[PATHS];
  for (long p = 0; p < PATHS; p++)
    if (pthread_create (&t[p], NULL, reader, (void *) p) != 0)
      fail ("pthread_create");
  pid_t pid[WRITERS];
  for (int k = 0; k < WRITERS; k++)
    {
      pid[k] = fork ();
      if (pid[k] < 0)
	fail ("fork: %m");
      if (pid[k] == 0)
	writer (k);
    }
  for (int k = 0; k < WRITERS; k++)
    {
      int status;
      if (waitpid (pid[k], &status, 0) < 0 || !WIFEXITED (status)
	  || WEXITSTATUS (status) != 0)
	fail ("writer %d did not exit normally", k);
    }
  atomic_store (&done, 1);
  for (int p = 0; p < PATHS; p++)
    pthread_join (t[p], NULL);

  int ok = 0;
  for (int v = 0; v < LIMIT; v++)
    ok += v != INITIAL && accepted[v];
  printf ("info: distinct values seen:");
  for (int p = 0; p < PATHS; p++)
    {
      int n = 0;
      for (int v = 0; v < LIMIT; v++)
	n += seen[p][v];
      printf (" %s %d", path_name[p], n);
    }
  printf ("\n%d writers x %d writes, %s\n", WRITERS, WRITES,
	  ok == WRITERS * WRITES ? "all accepted" : "some refused");
  for (int p = 0; p < PATHS; p++)
    {
      long bad = outside[p];
      for (int v = 0; v < LIMIT; v++)
	bad += seen[p][v] && !accepted[v];
      if (bad == 0)
	printf ("%s: every value seen was written\n", path_name[p]);
      else
	printf ("%s: %ld values seen were never written\n", path_name[p], bad);
    }
  int v = number_of_the_beast ();
  printf ("after: vdso, syscall and /proc %s\n",
	  v == beast_syscall () && v == read_sysctl () ? "agree" : "disagree");
  write_sysctl ("666");
  return 0;
}
