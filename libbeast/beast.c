/* libbeast: number_of_the_beast() for programs on a stock glibc, with
   the selection the patched glibc makes: the kernel's vDSO entry
   __vdso_number_of_the_beast (version LINUX_2.6) when the process has
   one, else system call 387, which fails with ENOSYS on kernels without
   it.

   Selection, decided once per process:

   - libbeast.so (built with -DLIBBEAST_SHARED): a GNU IFUNC.  glibc's
     loader runs the resolver while it relocates the objects that refer
     to number_of_the_beast (or, with lazy binding, at the first call),
     so their PLT/GOT slot points straight into the vDSO, as glibc's own
     IFUNC does.  This is safe because the resolver needs nothing but
     getauxval (AT_SYSINFO_EHDR): the kernel mapped the vDSO before the
     process started, ld.so has the auxiliary vector from its first
     instruction, and getauxval only reads it (async-signal-safe, no
     lock).  libbeast.so does not refer to number_of_the_beast itself,
     and is linked with -z now, so by the time another object binds to
     the symbol libbeast's own GOT (getauxval) is relocated; ld.so
     relocates dependencies before the objects that need them (it warns
     "Relink ... for IFUNC symbol" when a link order breaks that).

   - libbeast.a: a pointer that starts at beast_first_call and is set on
     the first call.  In a static program the resolvers of IRELATIVE
     relocations run in __libc_start_main before TLS is set up, and
     getauxval sets errno (a TLS variable) when the entry is missing: a
     resolver calling getauxval (AT_SYSINFO_EHDR) crashes a static
     program started without a vDSO (vdso=0).  The pointer costs one
     indirect jump; concurrent first calls store the same value.

   Why not dlvsym (dlopen ("linux-vdso.so.1", RTLD_NOW | RTLD_NOLOAD),
   ...): dlopen is not safe in a resolver.  Run during relocation (with
   -z now or LD_BIND_NOW) it aborts in ld.so ("dl_open_worker_begin:
   Assertion `... r_state == RT_CONSISTENT' failed"), it takes the loader
   lock, and it does not exist in static programs.  So vdso_lookup reads
   the vDSO's dynamic symbol table itself, from AT_SYSINFO_EHDR, checking
   every offset against the image's size, as glibc's dl_vdso_vsym would
   (same name, same version, defined function).  */

#define _GNU_SOURCE
#include "beast.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#if !defined __x86_64__
# error "libbeast knows the system call number only on x86_64"
#elif defined __ILP32__
# define BEAST_SYSCALL (0x40000000 | 387)	/* x32 */
#else
# define BEAST_SYSCALL 387
#endif

typedef int beast_fn (void);

static int
beast_syscall (void)
{
  return syscall (BEAST_SYSCALL);
}

/* The image spans [lo, hi): is [p, p + len) inside it?  */
#define INSIDE(p, len) \
  ((uintptr_t) (p) >= lo && (uintptr_t) (p) <= hi \
   && (uintptr_t) (len) <= hi - (uintptr_t) (p))

/* __vdso_number_of_the_beast@LINUX_2.6 in this process's vDSO, or NULL.  */
static beast_fn *
vdso_lookup (void)
{
  static const char name[] = "__vdso_number_of_the_beast";
  static const char version[] = "LINUX_2.6";
  int saved_errno = errno;	/* getauxval sets ENOENT without a vDSO */
  uintptr_t lo = getauxval (AT_SYSINFO_EHDR), hi = lo + 4096, bias = 0;
  errno = saved_errno;
  if (lo == 0)
    return NULL;

  /* The ELF and program headers, in the first page.  */
  const ElfW(Ehdr) *eh = (const void *) lo;
  const ElfW(Phdr) *ph = (const void *) (lo + eh->e_phoff);
  if (memcmp (eh->e_ident, ELFMAG, SELFMAG) != 0
      || eh->e_phentsize != sizeof *ph
      || !INSIDE (ph, (size_t) eh->e_phnum * sizeof *ph))
    return NULL;
  const ElfW(Phdr) *load = NULL, *dynamic = NULL;
  for (int i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0)
      load = &ph[i];		/* the whole image is this one segment */
    else if (ph[i].p_type == PT_DYNAMIC)
      dynamic = &ph[i];
  if (load == NULL || dynamic == NULL)
    return NULL;
  bias = lo - load->p_vaddr;
  hi = lo + load->p_filesz;
  const ElfW(Dyn) *dyn = (const void *) (dynamic->p_vaddr + bias);
  size_t dynsize = dynamic->p_filesz;
  if (hi < lo || !INSIDE (dyn, dynsize))
    return NULL;

  /* The dynamic section: symbols, names, their count and versions.  */
  const ElfW(Sym) *sym = NULL;
  const char *str = NULL;
  const ElfW(Word) *hash = NULL;
  const ElfW(Half) *versym = NULL;
  const ElfW(Verdef) *verdef = NULL;
  size_t strsz = 0;
  for (size_t i = 0; i < dynsize / sizeof *dyn && dyn[i].d_tag != DT_NULL; i++)
    {
      uintptr_t p = dyn[i].d_un.d_ptr + bias;
      switch (dyn[i].d_tag)
	{
	case DT_SYMTAB: sym = (const void *) p; break;
	case DT_STRTAB: str = (const void *) p; break;
	case DT_STRSZ: strsz = dyn[i].d_un.d_val; break;
	case DT_HASH: hash = (const void *) p; break;
	case DT_VERSYM: versym = (const void *) p; break;
	case DT_VERDEF: verdef = (const void *) p; break;
	}
    }
  if (sym == NULL || str == NULL || hash == NULL || !INSIDE (str, strsz)
      || strsz == 0 || str[strsz - 1] != '\0' || !INSIDE (hash, 8))
    return NULL;
  size_t nsym = hash[1];	/* nchain: one per symbol */
  if (!INSIDE (sym, nsym * sizeof *sym)
      || (versym != NULL && !INSIDE (versym, nsym * sizeof *versym)))
    return NULL;

  /* The index of the version LINUX_2.6, as the vDSO numbers it.  */
  int ndx = -1;
  for (int n = 0; versym != NULL && verdef != NULL && n < 64; n++)
    {
      if (!INSIDE (verdef, sizeof *verdef))
	return NULL;
      const ElfW(Verdaux) *aux
	= (const void *) ((uintptr_t) verdef + verdef->vd_aux);
      if (!INSIDE (aux, sizeof *aux))
	return NULL;
      if (!(verdef->vd_flags & VER_FLG_BASE) && aux->vda_name < strsz
	  && strcmp (str + aux->vda_name, version) == 0)
	{
	  ndx = verdef->vd_ndx;
	  break;
	}
      if (verdef->vd_next == 0)
	return NULL;		/* the vDSO does not define LINUX_2.6 */
      verdef = (const void *) ((uintptr_t) verdef + verdef->vd_next);
    }

  /* The symbol: a defined global function of that name and version (an
     unversioned vDSO would do too, as for glibc's loader).  */
  for (size_t i = 1; i < nsym; i++)
    if (ELF64_ST_TYPE (sym[i].st_info) == STT_FUNC
	&& (ELF64_ST_BIND (sym[i].st_info) == STB_GLOBAL
	    || ELF64_ST_BIND (sym[i].st_info) == STB_WEAK)
	&& sym[i].st_shndx != SHN_UNDEF
	&& sym[i].st_name < strsz && strcmp (str + sym[i].st_name, name) == 0
	&& (versym == NULL || (versym[i] & 0x7fff) == ndx)
	&& INSIDE (sym[i].st_value + bias, 1))
      return (beast_fn *) (sym[i].st_value + bias);
  return NULL;
}

static beast_fn *
beast_select (void)
{
  beast_fn *fn = vdso_lookup ();
  return fn != NULL ? fn : beast_syscall;
}

#ifdef LIBBEAST_SHARED
int number_of_the_beast (void) __attribute__ ((ifunc ("beast_select")));

#else
static beast_fn beast_first_call;
static beast_fn *beast_impl = beast_first_call;

static int
beast_first_call (void)
{
  beast_fn *fn = beast_select ();
  __atomic_store_n (&beast_impl, fn, __ATOMIC_RELAXED);
  return fn ();
}

int
number_of_the_beast (void)
{
  return __atomic_load_n (&beast_impl, __ATOMIC_RELAXED) ();
}
#endif
