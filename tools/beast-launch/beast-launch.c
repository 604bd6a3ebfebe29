/* beast-launch: run a program on this machine as if its kernel had the
   patched vDSO.  man beast-launch.

     beast-launch [--value N] VDSO-IMAGE PROGRAM [ARGS...]
     beast-launch --dump-host-vdso FILE

   The launcher moves this process's vDSO (the kernel's "[vdso]" mapping)
   to a fresh place and overwrites it with VDSO-IMAGE (it maps the image
   there instead if the process has no vDSO, or too small a one).  Before
   it go the data pages the image reads, holding N (666 by default) as
   the number of the beast.  It then loads PROGRAM (looked up in PATH
   when its name has no slash) as execve would, with the ELF interpreter
   PROGRAM names if any, builds the kernel's initial stack
   (AT_SYSINFO_EHDR pointing at the image) and jumps to the entry point.
   A program built with beast-glibc-gcc names the patched loader itself;
   to pick another, name it as PROGRAM, as when running ld.so directly:
     beast-launch IMAGE DIR/ld-linux-x86-64.so.2 --library-path DIR PROG

   --dump-host-vdso writes this machine's own vDSO, an image without the
   number, to FILE.

   Build it with gcc -static-pie: it must not depend on the glibc it
   loads, nor sit at the fixed addresses of a non-PIE static PROGRAM.
   Built with gcc -m32 -static-pie it runs i386 programs with a 32-bit
   image (vdso32.so.dbg) instead; AT_SYSINFO then points at the image's
   entry, __kernel_vsyscall, whose unpatched form enters with int $0x80.  */

#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <error.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/rseq.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGE 4096UL
#define PAGE_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))

/* The x86 vDSO finds its data in the pages before its text.  Up to Linux
   6.x (arch/x86/entry/vdso/vdso-layout.lds.S) that is the vvar page with
   struct vdso_data at 128, the number further on (offset 640 in Linux
   6.1, 656 in 6.12, after the getrandom data), and the time namespace
   page; since 7.0 it is the generic vDSO data store, the number at the
   start of a page of its own (struct vdso_beast_data), the store's last,
   just before the two vclock pages.  The linker script records where,
   relative to the text, in the image's symbol table: vvar_NAME for each
   vvar up to 6.x, vclock_pages since 7.0.  Zeros elsewhere mean "no
   clock source, no time namespace": the image's time functions fall
   back to system calls.  Images reach up to 7 pages back: map 8, all
   read-only.  */
#define BEAST_VVAR "vvar__vdso_number_of_the_beast"
#define BEAST_FUNCTION "__vdso_number_of_the_beast"
#define DATA_PAGES 8

/* The ELF class and machine of this build: x86-64, or i386 with -m32.  */
#ifdef __x86_64__
# define ELF_CLASS ELFCLASS64
# define ELF_MACHINE EM_X86_64
# define ELF_KIND "x86-64"
#else
# define ELF_CLASS ELFCLASS32
# define ELF_MACHINE EM_386
# define ELF_KIND "i386"
#endif

/* An ELF file mapped read-only as a whole, its headers checked.  */
struct elf
{
  const char *path;
  int fd;
  size_t size;
  const ElfW(Ehdr) *ehdr;
  const ElfW(Phdr) *phdr;
};

/* Where a program was loaded.  */
struct image
{
  uintptr_t base, phdr, phnum, entry;
  char *interp;
};

static void
open_elf (struct elf *elf, const char *path)
{
  struct stat st;
  elf->path = path;
  elf->fd = open (path, O_RDONLY | O_CLOEXEC);
  if (elf->fd < 0 || fstat (elf->fd, &st) != 0)
    error (127, errno, "%s", path);
  if (!S_ISREG (st.st_mode))
    error (127, 0, "%s: not a regular file", path);
  elf->size = st.st_size;
  const ElfW(Ehdr) *eh = NULL;
  if (elf->size >= sizeof *eh)
    {
      eh = mmap (NULL, elf->size, PROT_READ, MAP_PRIVATE, elf->fd, 0);
      if (eh == MAP_FAILED)
	error (127, errno, "%s", path);
    }
  if (eh == NULL || memcmp (eh->e_ident, ELFMAG, SELFMAG) != 0
      || eh->e_ident[EI_CLASS] != ELF_CLASS || eh->e_machine != ELF_MACHINE
      || (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
      || eh->e_phentsize != sizeof (ElfW(Phdr)) || eh->e_phoff > elf->size
      || eh->e_phnum > (elf->size - eh->e_phoff) / sizeof (ElfW(Phdr)))
    error (127, 0, "%s: not an " ELF_KIND " ELF executable or shared object",
	   path);
  elf->ehdr = eh;
  elf->phdr = (const ElfW(Phdr) *) ((const char *) eh + eh->e_phoff);
  for (int i = 0; i < eh->e_phnum; i++)
    if (elf->phdr[i].p_offset > elf->size
	|| elf->phdr[i].p_filesz > elf->size - elf->phdr[i].p_offset
	|| elf->phdr[i].p_filesz > elf->phdr[i].p_memsz)
      error (127, 0, "%s: segment %d lies outside the file", path, i);
}

static void
close_elf (struct elf *elf)
{
  munmap ((void *) elf->ehdr, elf->size);
  close (elf->fd);
}

/* Look NAME up in ELF's symbol table (.symtab, which the kernel's
   vdso*.so.dbg keep) and store its value, an offset from the image's
   text, in *VALUE.  Return false if it is not there, as in a vDSO image
   without the number or a stripped one.  */
static bool
vvar_symbol (const struct elf *elf, const char *name, intptr_t *value)
{
  const ElfW(Ehdr) *eh = elf->ehdr;
  const char *base = (const char *) eh;
  if (eh->e_shoff == 0 || eh->e_shentsize != sizeof (ElfW(Shdr))
      || eh->e_shoff > elf->size
      || eh->e_shnum > (elf->size - eh->e_shoff) / sizeof (ElfW(Shdr)))
    return false;
  const ElfW(Shdr) *sh = (const ElfW(Shdr) *) (base + eh->e_shoff);
  for (int i = 0; i < eh->e_shnum; i++)
    {
      if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum
	  || sh[i].sh_offset > elf->size
	  || sh[i].sh_size > elf->size - sh[i].sh_offset)
	continue;
      const ElfW(Shdr) *str = &sh[sh[i].sh_link];
      if (str->sh_offset > elf->size
	  || str->sh_size > elf->size - str->sh_offset)
	continue;
      const ElfW(Sym) *sym = (const ElfW(Sym) *) (base + sh[i].sh_offset);
      size_t n = sh[i].sh_size / sizeof *sym;
      for (size_t j = 0; j < n; j++)
	if (sym[j].st_name < str->sh_size
	    && strnlen (base + str->sh_offset + sym[j].st_name,
			str->sh_size - sym[j].st_name)
	       < str->sh_size - sym[j].st_name
	    && strcmp (base + str->sh_offset + sym[j].st_name, name) == 0)
	  {
	    *value = (intptr_t) sym[j].st_value;
	    return true;
	  }
    }
  return false;
}

/* The extent of ELF's PT_LOAD segments, page-aligned, in *LO and *HI.  */
static void
extent (const struct elf *elf, uintptr_t *lo, uintptr_t *hi)
{
  *lo = UINTPTR_MAX;
  *hi = 0;
  for (int i = 0; i < elf->ehdr->e_phnum; i++)
    if (elf->phdr[i].p_type == PT_LOAD)
      {
	const ElfW(Phdr) *ph = &elf->phdr[i];
	if (ph->p_vaddr < *lo)
	  *lo = ph->p_vaddr & ~(PAGE - 1);
	if (ph->p_vaddr + ph->p_memsz > *hi)
	  *hi = PAGE_UP (ph->p_vaddr + ph->p_memsz);
      }
  if (*hi == 0)
    error (127, 0, "%s: no loadable segment", elf->path);
}

/* Map ELF's segments as the kernel's ELF loader does.  */
static void
load (const struct elf *elf, struct image *im)
{
  const ElfW(Ehdr) *eh = elf->ehdr;
  uintptr_t lo, hi;
  extent (elf, &lo, &hi);
  int fixed = eh->e_type == ET_EXEC ? MAP_FIXED_NOREPLACE : 0;
  char *at = mmap ((void *) (fixed ? lo : 0), hi - lo, PROT_NONE,
		   MAP_PRIVATE | MAP_ANONYMOUS | fixed, -1, 0);
  if (at == MAP_FAILED)
    error (127, errno, "%s: cannot map it at %#lx", elf->path,
	   (unsigned long) lo);
  im->base = (uintptr_t) at - lo;
  im->entry = im->base + eh->e_entry;
  im->phnum = eh->e_phnum;
  for (int i = 0; i < eh->e_phnum; i++)
    {
      const ElfW(Phdr) *ph = &elf->phdr[i];
      if (ph->p_type == PT_INTERP && im->interp == NULL)
	im->interp = strndup ((const char *) eh + ph->p_offset, ph->p_filesz);
      if (ph->p_type != PT_LOAD)
	continue;
      uintptr_t start = im->base + ph->p_vaddr, skip = start & (PAGE - 1);
      uintptr_t file_end = start + ph->p_filesz;
      int prot = ((ph->p_flags & PF_R ? PROT_READ : 0)
		  | (ph->p_flags & PF_W ? PROT_WRITE : 0)
		  | (ph->p_flags & PF_X ? PROT_EXEC : 0));
      if (ph->p_filesz > 0
	  && mmap ((void *) (start - skip), ph->p_filesz + skip, prot,
		   MAP_PRIVATE | MAP_FIXED, elf->fd,
		   ph->p_offset - skip) == MAP_FAILED)
	error (127, errno, "%s: segment %d", elf->path, i);
      /* .bss: the rest of the last file page, then anonymous pages.  */
      if (ph->p_memsz > ph->p_filesz && ph->p_filesz > 0
	  && (prot & PROT_WRITE) && (file_end & (PAGE - 1)))
	memset ((void *) file_end, 0, PAGE - (file_end & (PAGE - 1)));
      uintptr_t anon = PAGE_UP (file_end);
      uintptr_t end = PAGE_UP (start + ph->p_memsz);
      if (end > anon
	  && mmap ((void *) anon, end - anon, prot,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
	     == MAP_FAILED)
	error (127, errno, "%s: segment %d", elf->path, i);
      if (ph->p_offset <= eh->e_phoff
	  && eh->e_phoff - ph->p_offset < ph->p_filesz)
	im->phdr = start + eh->e_phoff - ph->p_offset;
    }
  if (im->phdr == 0)
    error (127, 0, "%s: its program headers are not loaded", elf->path);
}

/* The kernel's vDSO of this process and its size, from /proc/self/maps;
   NULL if it has none.  */
static char *
host_vdso (size_t *size)
{
  FILE *maps = fopen ("/proc/self/maps", "re");
  char line[512];
  unsigned long lo, hi;
  char *vdso = NULL;
  while (maps != NULL && fgets (line, sizeof line, maps) != NULL)
    if (strstr (line, " [vdso]") != NULL
	&& sscanf (line, "%lx-%lx", &lo, &hi) == 2)
      {
	vdso = (char *) lo;
	*size = hi - lo;
      }
  if (maps != NULL)
    fclose (maps);
  return vdso;
}

/* Put IMG in place of the kernel's vDSO, VALUE in the data before it;
   return the image's address.  */
static char *
map_vdso (const struct elf *img, int value)
{
  uintptr_t lo, hi;
  size_t host_size = 0;
  char *host = host_vdso (&host_size);
  extent (img, &lo, &hi);
  if (lo != 0)
    error (127, 0, "%s: a vDSO image is linked at 0", img->path);
  size_t size = hi > host_size ? hi : host_size;
  char *data = mmap (NULL, DATA_PAGES * PAGE + size, PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data == MAP_FAILED
      || mmap (data, DATA_PAGES * PAGE, PROT_READ | PROT_WRITE,
	       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
    error (127, errno, "cannot map the vDSO");
  char *text = data + DATA_PAGES * PAGE;
  intptr_t where, function;
  bool found = vvar_symbol (img, BEAST_VVAR, &where);
  if (!found && vvar_symbol (img, BEAST_FUNCTION, &function)
      && vvar_symbol (img, "vclock_pages", &where))
    {
      where -= PAGE;
      found = true;
    }
  if (found)
    {
      if (where >= 0 || -where > (intptr_t) (DATA_PAGES * PAGE - sizeof value)
	  || where % sizeof value != 0)
	error (127, 0, "%s: the number at %jd lies outside the data pages",
	       img->path, (intmax_t) where);
      *(int *) (text + where) = value;
    }
  /* Move the kernel's mapping, so that the image is "[vdso]" in
     /proc/self/maps; writing to it gives the process its own copy.  The
     i386 build leaves it where it is: its own libc enters the kernel
     through the __kernel_vsyscall there (AT_SYSINFO).  */
  if (host == NULL || host_size < hi || ELF_CLASS == ELFCLASS32
      || mremap (host, host_size, host_size, MREMAP_MAYMOVE | MREMAP_FIXED,
		 text) == MAP_FAILED)
    {
      size = hi;
      if (mmap (text, size, PROT_READ,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
	error (127, errno, "cannot map the vDSO");
    }
  if (mprotect (text, size, PROT_READ | PROT_WRITE) != 0)
    error (127, errno, "cannot write the vDSO");
  memset (text, 0, size);
  /* The kernel maps the whole image file, section headers included, and
     tools that read the vDSO's sections (beast-vdso) rely on it: copy
     the file as it is when its segments lie at their file offsets and it
     fits, else segment by segment.  */
  bool whole = img->size <= size;
  for (int i = 0; i < img->ehdr->e_phnum; i++)
    if (img->phdr[i].p_type == PT_LOAD
	&& img->phdr[i].p_offset != img->phdr[i].p_vaddr)
      whole = false;
  if (whole)
    memcpy (text, img->ehdr, img->size);
  else
    for (int i = 0; i < img->ehdr->e_phnum; i++)
      if (img->phdr[i].p_type == PT_LOAD)
	memcpy (text + img->phdr[i].p_vaddr,
		(const char *) img->ehdr + img->phdr[i].p_offset,
		img->phdr[i].p_filesz);
  if (mprotect (text, size, PROT_READ | PROT_EXEC) != 0
      || mprotect (data, DATA_PAGES * PAGE, PROT_READ) != 0)
    error (127, errno, "cannot protect the vDSO");
  return text;
}

static void
dump_host_vdso (const char *path)
{
  size_t size;
  char *vdso = host_vdso (&size);
  if (vdso == NULL)
    error (EXIT_FAILURE, 0, "this process has no vDSO");
  FILE *f = fopen (path, "we");
  if (f == NULL || fwrite (vdso, 1, size, f) != size || fclose (f) != 0)
    error (EXIT_FAILURE, errno, "%s", path);
}

/* PROGRAM as execvp finds it: a name without a slash is looked up in
   PATH.  */
static const char *
find_program (const char *name)
{
  if (strchr (name, '/') != NULL)
    return name;
  const char *path = getenv ("PATH");
  if (path == NULL)
    path = "/bin:/usr/bin";
  size_t len = strlen (name);
  while (*path != '\0')
    {
      size_t dirlen = strcspn (path, ":");
      char *file = malloc (dirlen + 1 + len + 1);
      if (file == NULL)
	error (127, errno, "malloc");
      /* An empty entry is the current directory.  */
      sprintf (file, "%.*s%s%s", (int) dirlen, path, dirlen ? "/" : "",
	       name);
      if (access (file, X_OK) == 0)
	return file;
      free (file);
      path += dirlen + (path[dirlen] == ':');
    }
  error (127, ENOENT, "%s: not found in PATH", name);
  return NULL;
}

static void
usage (void)
{
  fprintf (stderr,
	   "usage: beast-launch [--value N] VDSO-IMAGE PROGRAM [ARGS...]\n"
	   "       beast-launch --dump-host-vdso FILE\n");
  exit (2);
}

int
main (int argc, char **argv, char **envp)
{
  program_invocation_name = (char *) "beast-launch";
  int value = 666, i = 1;
  if (argc == 3 && strcmp (argv[1], "--dump-host-vdso") == 0)
    {
      dump_host_vdso (argv[2]);
      return 0;
    }
  if (argc > 2 && strcmp (argv[1], "--value") == 0)
    {
      char *end;
      errno = 0;
      long n = strtol (argv[2], &end, 10);
      if (*argv[2] == '\0' || *end != '\0' || errno != 0
	  || n < 0 || n > INT_MAX)
	error (2, 0, "--value %s: not a number in 0..%d", argv[2], INT_MAX);
      value = n;
      i = 3;
    }
  if (argc - i < 2 || argv[i][0] == '-')
    usage ();

  struct elf vdso_elf, prog_elf, interp_elf;
  struct image prog = { 0 }, interp = { 0 };
  open_elf (&vdso_elf, argv[i]);
  const char *program = find_program (argv[i + 1]);
  open_elf (&prog_elf, program);
  char *vdso = map_vdso (&vdso_elf, value);
  load (&prog_elf, &prog);
  if (prog.interp != NULL)
    {
      open_elf (&interp_elf, prog.interp);
      load (&interp_elf, &interp);
      close_elf (&interp_elf);
    }
  close_elf (&prog_elf);
  close_elf (&vdso_elf);

  /* The initial stack: argc, argv, envp and the auxiliary vector, which
     is this process's own with the entries for the new program.  */
  int nargs = argc - i - 1;
  size_t envc = 0, auxc = 0;
  while (envp[envc] != NULL)
    envc++;
  ElfW(auxv_t) *auxv = (ElfW(auxv_t) *) (envp + envc + 1);
  while (auxv[auxc].a_type != AT_NULL)
    auxc++;
  uint64_t random[2];
  if (getrandom (random, sizeof random, 0) != sizeof random)
    error (127, errno, "getrandom");
  uintptr_t stack[1 + nargs + 1 + envc + 1 + 2 * (auxc + 11) + 4];
  uintptr_t *sp = (uintptr_t *) ((uintptr_t) (stack + 1) & ~15UL), *p = sp;
  *p++ = nargs;
  for (int k = 0; k <= nargs; k++)
    *p++ = (uintptr_t) argv[i + 1 + k];
  for (size_t k = 0; k <= envc; k++)
    *p++ = (uintptr_t) envp[k];
  for (size_t k = 0; k < auxc; k++)
    switch (auxv[k].a_type)
      {
      case AT_SYSINFO_EHDR: case AT_PHDR: case AT_PHENT: case AT_PHNUM:
      case AT_ENTRY: case AT_BASE: case AT_RANDOM: case AT_EXECFN:
      case AT_SECURE: case AT_SYSINFO:
	break;
      default:
	*p++ = auxv[k].a_type;
	*p++ = auxv[k].a_un.a_val;
      }
  uintptr_t own[] = {
#ifdef __i386__
    AT_SYSINFO, (uintptr_t) vdso + ((ElfW(Ehdr) *) vdso)->e_entry,
#endif
    AT_SYSINFO_EHDR, (uintptr_t) vdso,
    AT_PHDR, prog.phdr,
    AT_PHENT, sizeof (ElfW(Phdr)),
    AT_PHNUM, prog.phnum,
    AT_ENTRY, prog.entry,
    AT_BASE, interp.base,
    AT_RANDOM, (uintptr_t) random,
    AT_EXECFN, (uintptr_t) program,
    AT_SECURE, 0,
    AT_NULL, 0,
  };
  memcpy (p, own, sizeof own);

  /* The new program's libc registers its own rseq area.  */
  syscall (SYS_rseq, (char *) __builtin_thread_pointer () + __rseq_offset,
	   sizeof (struct rseq), RSEQ_FLAG_UNREGISTER, RSEQ_SIG);
  /* x86-64 and i386 ABI: the stack pointer at argc, %edx 0 (no function
     for atexit).  */
#ifdef __x86_64__
  asm volatile ("mov %0, %%rsp\n\t"
		"xor %%edx, %%edx\n\t"
		"jmp *%1"
		: : "r" (sp), "r" (prog.interp ? interp.entry : prog.entry)
		: "rdx", "memory");
#else
  asm volatile ("mov %0, %%esp\n\t"
		"xor %%edx, %%edx\n\t"
		"jmp *%1"
		: : "r" (sp), "r" (prog.interp ? interp.entry : prog.entry)
		: "edx", "memory");
#endif
  __builtin_unreachable ();
}
