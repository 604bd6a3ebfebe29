/* vdso_vsym (NAME, VERSION): the address of NAME at VERSION in the vDSO
   the kernel mapped (AT_SYSINFO_EHDR), or NULL; vdso_vsym_at (BASE, NAME,
   VERSION) in the image mapped at BASE, of either ELF class (a 64-bit
   program reads the 32-bit and x32 images arch_prctl maps).  Looked up
   as dlvsym does: the name through DT_HASH, the version through
   DT_VERSYM and DT_VERDEF (a symbol at another version, or an image
   without versions, is not found).  For programs without the patched
   glibc (the -m32 and -mx32 builds of the host's gcc) and for a vDSO
   moved or mapped anew; self-contained.  */

#ifndef BEAST_VDSO_SYM_H
#define BEAST_VDSO_SYM_H

#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

/* The name of the function in this architecture's vDSO, and the version
   it is exported at.  */
#ifdef __aarch64__
# define VDSO_BEAST "__kernel_number_of_the_beast"
# define VDSO_BEAST_VERSION "LINUX_2.6.39"
#else
# define VDSO_BEAST "__vdso_number_of_the_beast"
# define VDSO_BEAST_VERSION "LINUX_2.6"
#endif

/* The index VERSION has in an image's DT_VERDEF at VERDEF (with
   strings STR), or -1.  Verdef and Verdaux are the same in both
   classes.  */
static inline int
vdso_version_index (const char *verdef, const char *str, const char *version)
{
  if (verdef == NULL)
    return -1;
  for (;;)
    {
      const Elf64_Verdef *vd = (const void *) verdef;
      const Elf64_Verdaux *aux = (const void *) (verdef + vd->vd_aux);
      if (!(vd->vd_flags & VER_FLG_BASE) && vd->vd_cnt > 0
	  && strcmp (str + aux->vda_name, version) == 0)
	return vd->vd_ndx;
      if (vd->vd_next == 0)
	return -1;
      verdef += vd->vd_next;
    }
}

/* vdso_vsym_at32 and vdso_vsym_at64: the lookup for each class.
   VDSO_AT (X): where the image's virtual address X is mapped.  */
#define VDSO_AT(x) ((const void *) (uintptr_t) (load + (x)))
#define VDSO_VSYM_AT(BITS)						\
static inline void *							\
vdso_vsym_at##BITS (const char *base, const char *name,		\
		    const char *version)				\
{									\
  const Elf##BITS##_Ehdr *eh = (const void *) base;			\
  const Elf##BITS##_Phdr *ph = (const void *) (base + eh->e_phoff);	\
  uintptr_t load = 0;							\
  const Elf##BITS##_Dyn *dyn = NULL;					\
  int have_load = 0;							\
  for (int i = 0; i < eh->e_phnum; i++)					\
    {									\
      if (ph[i].p_type == PT_LOAD && !have_load)			\
	{								\
	  load = (uintptr_t) base + ph[i].p_offset - ph[i].p_vaddr;	\
	  have_load = 1;						\
	}								\
      else if (ph[i].p_type == PT_DYNAMIC)				\
	dyn = (const void *) (base + ph[i].p_offset);			\
    }									\
  if (!have_load || dyn == NULL)					\
    return NULL;							\
  const Elf##BITS##_Sym *sym = NULL;					\
  const char *str = NULL, *verdef = NULL;				\
  const Elf##BITS##_Word *hash = NULL;					\
  const Elf##BITS##_Half *versym = NULL;				\
  for (; dyn->d_tag != DT_NULL; dyn++)					\
    switch (dyn->d_tag)							\
      {									\
      case DT_SYMTAB: sym = VDSO_AT (dyn->d_un.d_ptr); break;		\
      case DT_STRTAB: str = VDSO_AT (dyn->d_un.d_ptr); break;		\
      case DT_HASH: hash = VDSO_AT (dyn->d_un.d_ptr); break;		\
      case DT_VERSYM: versym = VDSO_AT (dyn->d_un.d_ptr); break;	\
      case DT_VERDEF: verdef = VDSO_AT (dyn->d_un.d_ptr); break;	\
      }									\
  if (sym == NULL || str == NULL || hash == NULL || versym == NULL)	\
    return NULL;							\
  int ndx = vdso_version_index (verdef, str, version);			\
  if (ndx < 0)								\
    return NULL;							\
  for (Elf##BITS##_Word i = 0; i < hash[1]; i++)			\
    if (sym[i].st_shndx != SHN_UNDEF					\
	&& (versym[i] & 0x7fff) == ndx					\
	&& strcmp (str + sym[i].st_name, name) == 0)			\
      return (void *) VDSO_AT (sym[i].st_value);			\
  return NULL;								\
}
VDSO_VSYM_AT (32)
VDSO_VSYM_AT (64)
#undef VDSO_VSYM_AT
#undef VDSO_AT

static inline void *
vdso_vsym_at (const void *base, const char *name, const char *version)
{
  const unsigned char *ident = base;
  if (base == NULL || memcmp (ident, ELFMAG, SELFMAG) != 0)
    return NULL;
  if (ident[EI_CLASS] == ELFCLASS32)
    return vdso_vsym_at32 (base, name, version);
  if (ident[EI_CLASS] == ELFCLASS64)
    return vdso_vsym_at64 (base, name, version);
  return NULL;
}

static inline void *
vdso_vsym (const char *name, const char *version)
{
  return vdso_vsym_at ((const void *) getauxval (AT_SYSINFO_EHDR), name,
		       version);
}

/* VDSO_BEAST@VDSO_BEAST_VERSION in the process's own vDSO; without it,
   says so naming the ABI's vDSO and exits 1.  */
static inline int (*
vdso_beast (const char *abi)) (void)
{
  int (*fn) (void) = (int (*) (void)) vdso_vsym (VDSO_BEAST,
						  VDSO_BEAST_VERSION);
  if (fn == NULL)
    {
      printf ("no " VDSO_BEAST "@" VDSO_BEAST_VERSION " in the %s vDSO\n",
	      abi);
      exit (1);
    }
  return fn;
}

/* The mappings of the vDSO and its data ([vdso], [vvar], [vvar_vclock]):
   their lowest start and highest end in *LO and *HI, the start of [vdso]
   in *TEXT; their number (at most MAX) with each in START[i], END[i].  */
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
