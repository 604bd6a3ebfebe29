/* A moved vDSO keeps working: mremap() moves [vdso] and its data pages
   ([vvar], and [vvar_vclock] in 7.x) by one offset, as CRIU does; the
   kernel follows (/proc/self/maps names the new [vdso]), and the moved
   __vdso_number_of_the_beast reads the live value, also a new one (the
   system call is filtered out).  glibc's pointer still names the old
   address, so the moved entry is called directly.  */
/* { dg-do run } */
/* { dg-skip-if "i386 glibc makes every system call through the vDSO's __kernel_vsyscall, whose address it keeps: a vDSO moved under it crashes the next system call" { *-*-* } { "-m32" } { "" } } */
/* { dg-output "^moved \[0-9\]+ mappings by one offset\n" } */
/* { dg-output "maps: \\\[vdso\\\] at its new address\n" } */
/* { dg-output "moved vDSO: 666, after the sysctl write: 4242\n$" } */
#include "beast-test.h"
#include "beast-vdso-sym.h"
#include <sys/mman.h>

int
main (void)
{
  unsigned long lo, hi, text, start[8], end[8];
  if (number_of_the_beast () != 666)
    fail ("number_of_the_beast () before the move: %d", number_of_the_beast ());
  int n = vdso_mappings (&lo, &hi, &text, start, end, 8);
  if (n < 2 || n > 8 || text == 0)
    fail ("%d vDSO mappings, [vdso] at %#lx", n, text);
  char *fn = vdso_vsym (VDSO_BEAST, VDSO_BEAST_VERSION);
  if (fn == NULL)
    fail ("no " VDSO_BEAST "@" VDSO_BEAST_VERSION);
  /* A free place, far enough from the old one.  */
  char *dest = mmap (NULL, (hi - lo) + (64 << 20), PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (dest == MAP_FAILED)
    fail ("mmap: %m");
  dest += 32 << 20;
  long delta = (long) dest - (long) lo;
  deny_beast_syscall ();
  for (int i = 0; i < n; i++)
    if (mremap ((void *) start[i], end[i] - start[i], end[i] - start[i],
		MREMAP_MAYMOVE | MREMAP_FIXED, (void *) (start[i] + delta))
	== MAP_FAILED)
      fail ("mremap of %#lx-%#lx: %m", start[i], end[i]);
  printf ("moved %d mappings by one offset\n", n);
  unsigned long lo2, hi2, text2, start2[8], end2[8];
  vdso_mappings (&lo2, &hi2, &text2, start2, end2, 8);
  printf ("maps: [vdso] at %s\n", text2 == text + delta ? "its new address"
	  : "the wrong address");
  int (*moved) (void) = (int (*) (void)) (fn + delta);
  int before = moved ();
  if (write_sysctl ("4242") != 0)
    fail ("writing 4242: %m");
  int after = moved ();
  write_sysctl ("666");
  printf ("moved vDSO: %d, after the sysctl write: %d\n", before, after);
  return 0;
}
