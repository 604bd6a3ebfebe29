/* Given the patched image with its version LINUX_2.6 renamed LINUX_2.7
   (scripts/vdso-reversion): glibc 2.36's IFUNC resolver asks
   dl_vdso_vsym for __vdso_number_of_the_beast@LINUX_2.6 once the vDSO's
   versions are known, does not take the entry and falls back to the
   system call, which this kernel does not have.  glibc 2.44's resolver,
   like its gettimeofday's, takes GLRO(dl_vdso_number_of_the_beast),
   which setup_vdso_pointers looked up before the vDSO's link map had its
   version table: without one, any version matches (elf/dl-lookup.c,
   check_match), so the entry is taken.  A static program takes the
   entry for the same reason with either glibc: it never reads the
   vDSO's version table (so it is for clock_gettime too).  The clocks,
   whose entries moved to LINUX_2.7 as well, keep working.  Each pair of
   glibc and kind of program has its one answer; another glibc has none
   and fails until this test says what it does.  */
/* { dg-do run } */
/* { dg-launch-vdso linux27 } */
/* { dg-output "^(dynamic, glibc 2\\.36: number_of_the_beast\\(\\) = -1, errno ENOSYS|dynamic, glibc 2\\.44: number_of_the_beast\\(\\) = 666, errno unchanged|static, glibc 2\\.(36|44): number_of_the_beast\\(\\) = 666, errno unchanged)\n" } */
/* { dg-output "CLOCK_MONOTONIC advances\n$" } */
#include "beast-test.h"
#include <time.h>
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>

/* Whether the program was started through an ELF interpreter.  */
static int
is_dynamic (void)
{
  const ElfW(Phdr) *ph = (const ElfW(Phdr) *) getauxval (AT_PHDR);
  for (unsigned long i = 0; i < getauxval (AT_PHNUM); i++)
    if (ph[i].p_type == PT_INTERP)
      return 1;
  return 0;
}

static double
monotonic (void)
{
  struct timespec ts;
  if (clock_gettime (CLOCK_MONOTONIC, &ts) != 0)
    fail ("clock_gettime: %m");
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (void)
{
  errno = 0;
  int n = number_of_the_beast ();
  printf ("%s, glibc %d.%d: number_of_the_beast() = %d, errno %s\n",
	  is_dynamic () ? "dynamic" : "static", __GLIBC__, __GLIBC_MINOR__, n,
	  errno ? strerrorname_np (errno) : "unchanged");
  double start = monotonic ();
  usleep (10000);
  double elapsed = monotonic () - start;
  printf ("CLOCK_MONOTONIC %s\n",
	  elapsed >= 0.01 && elapsed < 10 ? "advances" : "is wrong");
  return 0;
}
