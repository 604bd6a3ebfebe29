/* arch_prctl (ARCH_MAP_VDSO_64) and (ARCH_MAP_VDSO_32), as CRIU restores
   a process: with the vDSO and its data unmapped, the kernel maps a fresh
   image where it is asked to; the fresh 64-bit image's
   __vdso_number_of_the_beast reads the live value (the system call is
   filtered out), the 32-bit image exports it too.  glibc's pointer names
   the unmapped image, so the entry is called directly.  */
/* { dg-do run } */
/* { dg-skip-if "i386 glibc makes every system call through the vDSO's __kernel_vsyscall: a 32-bit process cannot unmap the vDSO under it" { *-*-* } { "-m32" } { "" } } */
/* { dg-beast-arch "x86_64" "arch_prctl (ARCH_MAP_VDSO_*) is x86's" } */
/* { dg-output "ARCH_MAP_VDSO_64: \\\[vdso\\\] where asked, 666, after the sysctl write: 4343\n" } */
/* { dg-output "ARCH_MAP_VDSO_32: \\\[vdso\\\] where asked, ELFCLASS32, exports __vdso_number_of_the_beast\n" } */
#include "beast-test.h"
#include "beast-vdso-sym.h"
#include <sys/mman.h>

#ifndef ARCH_MAP_VDSO_32
# define ARCH_MAP_VDSO_32 0x2002
# define ARCH_MAP_VDSO_64 0x2003
#endif

/* Unmap the vDSO and its data, map IMAGE at a free place; returns the
   start of the new [vdso].  */
static char *
map_fresh (int image, const char *what)
{
  unsigned long lo, hi, text, start[8], end[8];
  int n = vdso_mappings (&lo, &hi, &text, start, end, 8);
  if (n < 1 || n > 8)
    fail ("%s: %d vDSO mappings", what, n);
  char *hint = mmap (NULL, 64 << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		     -1, 0);
  if (hint == MAP_FAILED)
    fail ("mmap: %m");
  munmap (hint, 64 << 20);
  hint += 16 << 20;
  for (int i = 0; i < n; i++)
    if (munmap ((void *) start[i], end[i] - start[i]) != 0)
      fail ("munmap of %#lx-%#lx: %m", start[i], end[i]);
  long r = syscall (SYS_arch_prctl, image, (unsigned long) hint);
  if (r < 0)
    fail ("%s: arch_prctl: %m", what);
  n = vdso_mappings (&lo, &hi, &text, start, end, 8);
  if (text == 0)
    fail ("%s: no [vdso] mapped", what);
  printf ("%s: [vdso] %s", what,
	  lo >= (unsigned long) hint && lo < (unsigned long) hint + (16 << 20)
	  ? "where asked" : "elsewhere");
  return (char *) text;
}

int
main (void)
{
  deny_beast_syscall ();
  char *text = map_fresh (ARCH_MAP_VDSO_64, "ARCH_MAP_VDSO_64");
  int (*fn) (void) = (int (*) (void)) vdso_sym_at (text, "__vdso_number_of_the_beast");
  if (fn == NULL)
    fail ("the fresh 64-bit image has no __vdso_number_of_the_beast");
  int before = fn ();
  if (write_sysctl ("4343") != 0)
    fail ("writing 4343: %m");
  int after = fn ();
  write_sysctl ("666");
  printf (", %d, after the sysctl write: %d\n", before, after);

  text = map_fresh (ARCH_MAP_VDSO_32, "ARCH_MAP_VDSO_32");
  unsigned long lo, hi, t, start[8], end[8];
  vdso_mappings (&lo, &hi, &t, start, end, 8);
  const char name[] = "__vdso_number_of_the_beast";
  printf (", %s, %s __vdso_number_of_the_beast\n",
	  text[EI_CLASS] == ELFCLASS32 ? "ELFCLASS32" : "not ELFCLASS32",
	  memmem (text, hi - t, name, sizeof name) != NULL ? "exports" : "lacks");
  return 0;
}
