/* arch_prctl (ARCH_MAP_VDSO_64), (ARCH_MAP_VDSO_X32) and
   (ARCH_MAP_VDSO_32), as CRIU restores a process: with the vDSO and its
   data unmapped, the kernel maps a fresh image where it is asked to.  In
   each image __vdso_number_of_the_beast is looked up as dlvsym does, by
   name and version (tests/lib/beast-vdso-sym.h): it is there at
   LINUX_2.6, in the image's [vdso] mapping, and not at LINUX_2.5 (the
   i386 image's version of __kernel_vsyscall).  The 64-bit and the x32
   entries read the live value, also a new one (the system call is
   filtered out): the x32 image is the 64-bit code converted to
   ELFCLASS32 by objcopy, so this 64-bit process can call it; the i386
   entry is 32-bit code and is not called here (strict-32.c and
   no-kernel-entry-32.c call it from an i386 process).  glibc's pointer
   names the unmapped image, so the entries are called directly.  */
/* { dg-do run } */
/* { dg-skip-if "i386 glibc makes every system call through the vDSO's __kernel_vsyscall: a 32-bit process cannot unmap the vDSO under it" { *-*-* } { "-m32" } { "" } } */
/* { dg-beast-arch "x86_64" "arch_prctl (ARCH_MAP_VDSO_*) is x86's" } */
/* { dg-output "^ARCH_MAP_VDSO_64: \\\[vdso\\\] where asked, ELFCLASS64 x86-64, __vdso_number_of_the_beast@LINUX_2.6 in it, not @LINUX_2.5: 666, after the sysctl write: 4343\n" } */
/* { dg-output "ARCH_MAP_VDSO_X32: \\\[vdso\\\] where asked, ELFCLASS32 x86-64, __vdso_number_of_the_beast@LINUX_2.6 in it, not @LINUX_2.5: 666, after the sysctl write: 4344\n" } */
/* { dg-output "ARCH_MAP_VDSO_32: \\\[vdso\\\] where asked, ELFCLASS32 i386, __vdso_number_of_the_beast@LINUX_2.6 in it, not @LINUX_2.5\n$" } */
#include "beast-test.h"
#include "beast-vdso-sym.h"
#include <sys/mman.h>

#ifndef ARCH_MAP_VDSO_32
# define ARCH_MAP_VDSO_X32 0x2001
# define ARCH_MAP_VDSO_32 0x2002
# define ARCH_MAP_VDSO_64 0x2003
#endif

/* Unmap the vDSO and its data, map IMAGE at a free place, say where it
   went and what it is; returns the start of the new [vdso], its end in
   *END.  */
static char *
map_fresh (int image, const char *what, unsigned long *text_end)
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
  *text_end = 0;
  for (int i = 0; i < n && i < 8; i++)
    if (start[i] == text)
      *text_end = end[i];
  const unsigned char *eh = (const unsigned char *) text;
  uint16_t machine;
  memcpy (&machine, eh + 18, sizeof machine);
  printf ("%s: [vdso] %s, %s %s", what,
	  lo >= (unsigned long) hint && lo < (unsigned long) hint + (16 << 20)
	  ? "where asked" : "elsewhere",
	  eh[EI_CLASS] == ELFCLASS64 ? "ELFCLASS64"
	  : eh[EI_CLASS] == ELFCLASS32 ? "ELFCLASS32" : "ELFCLASS?",
	  machine == EM_X86_64 ? "x86-64" : machine == EM_386 ? "i386" : "?");
  return (char *) text;
}

/* Look the entry up in the image at TEXT..END, by name and version.  */
static int (*
lookup (const char *text, unsigned long end)) (void)
{
  char *fn = vdso_vsym_at (text, "__vdso_number_of_the_beast", "LINUX_2.6");
  char *old = vdso_vsym_at (text, "__vdso_number_of_the_beast", "LINUX_2.5");
  printf (", __vdso_number_of_the_beast@LINUX_2.6 %s, %s @LINUX_2.5",
	  fn == NULL ? "absent"
	  : fn >= text && (unsigned long) fn < end ? "in it" : "outside it",
	  old == NULL ? "not" : "also");
  return (int (*) (void)) fn;
}

/* Call FN, write VALUE to the sysctl, call it again.  */
static void
call (int (*fn) (void), const char *value)
{
  if (fn == NULL)
    {
      printf (": cannot be called\n");
      return;
    }
  int before = fn ();
  if (write_sysctl (value) != 0)
    fail ("writing %s: %m", value);
  int after = fn ();
  write_sysctl ("666");
  printf (": %d, after the sysctl write: %d\n", before, after);
}

int
main (void)
{
  unsigned long end;
  deny_beast_syscall ();
  char *text = map_fresh (ARCH_MAP_VDSO_64, "ARCH_MAP_VDSO_64", &end);
  call (lookup (text, end), "4343");
  text = map_fresh (ARCH_MAP_VDSO_X32, "ARCH_MAP_VDSO_X32", &end);
  call (lookup (text, end), "4344");
  text = map_fresh (ARCH_MAP_VDSO_32, "ARCH_MAP_VDSO_32", &end);
  lookup (text, end);
  printf ("\n");
  return 0;
}
