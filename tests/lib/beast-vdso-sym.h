/* vdso_sym (NAME): the address of NAME in the vDSO the kernel mapped
   (AT_SYSINFO_EHDR), found through its DT_HASH table, or NULL;
   vdso_sym_at (BASE, NAME) in the image mapped at BASE.  For programs
   without the patched glibc (the -m32 and -mx32 builds of the host's
   gcc) and for a vDSO moved or mapped anew; self-contained.  */

#ifndef BEAST_VDSO_SYM_H
#define BEAST_VDSO_SYM_H

#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

/* The name of the function in this architecture's vDSO.  */
#ifdef __aarch64__
# define VDSO_BEAST "__kernel_number_of_the_beast"
#else
# define VDSO_BEAST "__vdso_number_of_the_beast"
#endif

static inline void *
vdso_sym_at (const void *base, const char *name)
{
  const ElfW(Ehdr) *eh = base;
  if (eh == NULL)
    return NULL;
  const ElfW(Phdr) *ph = (const void *) ((const char *) eh + eh->e_phoff);
  uintptr_t load = 0;
  const ElfW(Dyn) *dyn = NULL;
  int have_load = 0;
  for (int i = 0; i < eh->e_phnum; i++)
    {
      if (ph[i].p_type == PT_LOAD && !have_load)
	{
	  load = (uintptr_t) eh + ph[i].p_offset - ph[i].p_vaddr;
	  have_load = 1;
	}
      else if (ph[i].p_type == PT_DYNAMIC)
	dyn = (const void *) ((const char *) eh + ph[i].p_offset);
    }
  if (!have_load || dyn == NULL)
    return NULL;
  const ElfW(Sym) *sym = NULL;
  const char *str = NULL;
  const ElfW(Word) *hash = NULL;
  for (; dyn->d_tag != DT_NULL; dyn++)
    switch (dyn->d_tag)
      {
      case DT_SYMTAB: sym = (const void *) (load + dyn->d_un.d_ptr); break;
      case DT_STRTAB: str = (const void *) (load + dyn->d_un.d_ptr); break;
      case DT_HASH: hash = (const void *) (load + dyn->d_un.d_ptr); break;
      }
  if (sym == NULL || str == NULL || hash == NULL)
    return NULL;
  for (ElfW(Word) i = 0; i < hash[1]; i++)
    if (sym[i].st_shndx != SHN_UNDEF && strcmp (str + sym[i].st_name, name) == 0)
      return (void *) (load + sym[i].st_value);
  return NULL;
}

static inline void *
vdso_sym (const char *name)
{
  return vdso_sym_at ((const void *) getauxval (AT_SYSINFO_EHDR), name);
}

/* VDSO_BEAST in the process's own vDSO; without it, says so naming the
   ABI's vDSO and exits 1.  */
static inline int (*
vdso_beast (const char *abi)) (void)
{
  int (*fn) (void) = (int (*) (void)) vdso_sym (VDSO_BEAST);
  if (fn == NULL)
    {
      printf ("no " VDSO_BEAST " in the %s vDSO\n", abi);
      exit (1);
    }
  return fn;
}

/* The mappings of the vDSO and its data ([vdso], [vvar], [vvar_vclock]):
   their lowest start and highest end in *LO and *HI, the start of [vdso]
   in *TEXT; their number (at most MAX) with each in START[i], END[i].  */
#include <stdio.h>
static inline int
vdso_mappings (unsigned long *lo, unsigned long *hi, unsigned long *text,
	       unsigned long *start, unsigned long *end, int max)
{
  FILE *maps = fopen ("/proc/self/maps", "r");
  char line[512];
  int n = 0;
  *lo = *hi = *text = 0;
  if (maps == NULL)
    return -1;
  while (fgets (line, sizeof line, maps) != NULL)
    {
      unsigned long a, b;
      char name[64] = "";
      if (sscanf (line, "%lx-%lx %*s %*s %*s %*s %63s", &a, &b, name) < 2)
	continue;
      if (strcmp (name, "[vdso]") != 0 && strncmp (name, "[vvar", 5) != 0)
	continue;
      if (strcmp (name, "[vdso]") == 0)
	*text = a;
      if (n == 0 || a < *lo)
	*lo = a;
      if (b > *hi)
	*hi = b;
      if (n < max)
	start[n] = a, end[n] = b;
      n++;
    }
  fclose (maps);
  return n;
}

#endif
