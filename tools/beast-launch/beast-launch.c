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

   The kernel executed the launcher, so /proc/self/exe names it, and
   glibc's loader takes the program's $ORIGIN from there: a program whose
   run path says $ORIGIN would look for its libraries beside the
   launcher.  With CAP_CHECKPOINT_RESTORE or CAP_SYS_ADMIN (root) the
   launcher makes /proc/self/exe name PROGRAM instead, as CRIU does (prctl
   PR_SET_MM_MAP with an exe_fd, which the kernel allows only once no
   mapping of the old file is left: a trampoline in an anonymous page
   unmaps the launcher, makes the call and jumps to the entry point); the
   same call makes /proc/self/cmdline PROGRAM and its arguments and
   /proc/self/auxv the new vector, and comm is PROGRAM's name.  So
   $ORIGIN, readlink ("/proc/self/exe"), opening it, cmdline, comm and
   auxv mean the program; exec of /proc/self/exe runs PROGRAM again, but
   natively, with this kernel's own vDSO.  Without those capabilities it
   says so on stderr and runs PROGRAM with /proc/self/exe naming the
   launcher.

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
#include <sys/prctl.h>
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
   page; the linker script records where, relative to the text, in the
   image's symbol table (vvar_NAME for each vvar).  Since 7.0 it is the
   generic vDSO data store, whose layout the image's symbols do not give
   down to a field: the 7.3 series keeps the number in struct
   vdso_time_data, at an offset that depends on the architecture and the
   kernel's configuration.  There the launcher asks the image itself:
   it fills the data pages with each word's own index (plus a tag), calls
   the image's __vdso_number_of_the_beast() once, and the word it returns
   says where the function reads (probe_number).  Zeros elsewhere mean
   "no clock source, no time namespace": the image's time functions fall
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

/* Where IMG's number_of_the_beast() at FUNCTION reads the number, as an
   offset from the text (negative: in the DATA_PAGES pages at DATA, which
   are writable and end where the text starts).  Each 32-bit word of the
   data holds PROBE_TAG plus its index for one call of the function; a
   clock mode read from there is no time namespace's (that one is
   INT_MAX), so the function reads the number where a process outside a
   time namespace would.  The data is zero again afterwards.  */
#define PROBE_TAG 0x5ea00000
static intptr_t
probe_number (const struct elf *img, char *data, const char *function)
{
  uint32_t *word = (uint32_t *) data;
  size_t words = DATA_PAGES * PAGE / sizeof *word;
  for (size_t i = 0; i < words; i++)
    word[i] = PROBE_TAG + i;
  int (*fn) (void) = (int (*) (void)) function;
  uint32_t seen = fn ();
  memset (data, 0, DATA_PAGES * PAGE);
  if (seen - PROBE_TAG >= words)
    error (127, 0, "%s: %s does not read its number from the data pages "
	   "before the text (it returned %#x)", img->path, BEAST_FUNCTION,
	   seen);
  return (intptr_t) ((seen - PROBE_TAG) * sizeof *word)
	 - (intptr_t) (DATA_PAGES * PAGE);
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
  intptr_t where, function = 0;
  bool found = vvar_symbol (img, BEAST_VVAR, &where);
  if (!found)
    vvar_symbol (img, BEAST_FUNCTION, &function);
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
  if (mprotect (text, size, PROT_READ | PROT_EXEC) != 0)
    error (127, errno, "cannot protect the vDSO");
  if (!found && function != 0)
    {
      where = probe_number (img, data, text + function);
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
  if (mprotect (data, DATA_PAGES * PAGE, PROT_READ) != 0)
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

/* PR_SET_MM_MAP's struct prctl_mm_map as the 64-bit kernel reads it,
   whatever the ABI of this build: an i386 process gives it the same 104
   bytes (its auxv pointer in 64 bits).  */
struct mm_map
{
  uint64_t start_code, end_code, start_data, end_data, start_brk, brk,
    start_stack, arg_start, arg_end, env_start, env_end, auxv;
  uint32_t auxv_size, exe_fd;
} __attribute__ ((aligned (8)));

/* What the trampoline needs, in its page after its code: the program's
   descriptor, the new stack pointer and entry point, the launcher's
   segments to unmap, the prctl to make, and what to say if the kernel
   refuses it.  */
struct trampoline
{
  uintptr_t fd, sp, entry, n, msg, msglen;
  uintptr_t arg[5];
  uintptr_t range[16][2];
  struct mm_map map;
  char text[160];
};
#define T_OFF(field, off64, off32) \
  _Static_assert (offsetof (struct trampoline, field) \
		  == (sizeof (uintptr_t) == 8 ? off64 : off32), #field)
T_OFF (fd, 0, 0);
T_OFF (sp, 8, 4);
T_OFF (entry, 16, 8);
T_OFF (n, 24, 12);
T_OFF (msg, 32, 16);
T_OFF (msglen, 40, 20);
T_OFF (arg, 48, 24);
T_OFF (range, 88, 44);

/* The trampoline, position-independent code copied into an anonymous
   page (it is never run where it is linked), entered with its struct
   trampoline in %rdi (%ecx for i386): munmap each range, prctl (ARG[0],
   ... ARG[4]), which makes /proc/self/exe the program, close (fd), then
   the stack pointer and the entry point, %edx 0, as main does without
   it; if prctl fails, write the message to stderr and exit_group (127).  */
__attribute__ ((visibility ("hidden"))) extern const char
  trampoline_start[], trampoline_end[];
#ifdef __x86_64__
asm (".pushsection .rodata.beast_trampoline, \"a\"\n"
     "trampoline_start:\n"
     "	mov %rdi, %rbx\n"
     "	mov 24(%rbx), %r12\n"		/* n */
     "	lea 88(%rbx), %r13\n"		/* range */
     "1:	test %r12, %r12\n"
     "	jz 2f\n"
     "	mov $11, %eax\n"		/* munmap */
     "	mov (%r13), %rdi\n"
     "	mov 8(%r13), %rsi\n"
     "	syscall\n"
     "	add $16, %r13\n"
     "	dec %r12\n"
     "	jmp 1b\n"
     "2:	mov $157, %eax\n"		/* prctl */
     "	mov 48(%rbx), %rdi\n"
     "	mov 56(%rbx), %rsi\n"
     "	mov 64(%rbx), %rdx\n"
     "	mov 72(%rbx), %r10\n"
     "	mov 80(%rbx), %r8\n"
     "	syscall\n"
     "	test %rax, %rax\n"
     "	jnz 3f\n"
     "	mov $3, %eax\n"			/* close */
     "	mov (%rbx), %rdi\n"
     "	syscall\n"
     "	mov 8(%rbx), %rsp\n"
     "	mov 16(%rbx), %rax\n"
     "	xor %edx, %edx\n"
     "	jmp *%rax\n"
     "3:	mov $1, %eax\n"			/* write */
     "	mov $2, %edi\n"
     "	mov 32(%rbx), %rsi\n"
     "	mov 40(%rbx), %rdx\n"
     "	syscall\n"
     "	mov $231, %eax\n"		/* exit_group */
     "	mov $127, %edi\n"
     "	syscall\n"
     "trampoline_end:\n"
     ".popsection");
#else
asm (".pushsection .rodata.beast_trampoline, \"a\"\n"
     "trampoline_start:\n"
     "	mov %ecx, %ebp\n"
     "	mov 12(%ebp), %edi\n"		/* n */
     "	lea 44(%ebp), %esi\n"		/* range */
     "1:	test %edi, %edi\n"
     "	jz 2f\n"
     "	mov $91, %eax\n"		/* munmap */
     "	mov (%esi), %ebx\n"
     "	mov 4(%esi), %ecx\n"
     "	int $0x80\n"
     "	add $8, %esi\n"
     "	dec %edi\n"
     "	jmp 1b\n"
     "2:	mov $172, %eax\n"		/* prctl */
     "	mov 24(%ebp), %ebx\n"
     "	mov 28(%ebp), %ecx\n"
     "	mov 32(%ebp), %edx\n"
     "	mov 36(%ebp), %esi\n"
     "	mov 40(%ebp), %edi\n"
     "	int $0x80\n"
     "	test %eax, %eax\n"
     "	jnz 3f\n"
     "	mov $6, %eax\n"			/* close */
     "	mov (%ebp), %ebx\n"
     "	int $0x80\n"
     "	mov 4(%ebp), %esp\n"
     "	mov 8(%ebp), %eax\n"
     "	xor %edx, %edx\n"
     "	jmp *%eax\n"
     "3:	mov $4, %eax\n"			/* write */
     "	mov $2, %ebx\n"
     "	mov 16(%ebp), %ecx\n"
     "	mov 20(%ebp), %edx\n"
     "	int $0x80\n"
     "	mov $252, %eax\n"		/* exit_group */
     "	mov $127, %ebx\n"
     "	int $0x80\n"
     "trampoline_end:\n"
     ".popsection");
#endif

/* The struct trampoline in the trampoline's PAGE, after its code.  */
static struct trampoline *
trampoline_block (char *page)
{
  size_t code = trampoline_end - trampoline_start;
  return (struct trampoline *) (page + ((code + 15) & ~15UL));
}

/* dl_iterate_phdr's callback: the launcher's own loadable segments,
   the first object, into the trampoline's ranges.  */
static int
own_segments (struct dl_phdr_info *info, size_t size, void *data)
{
  struct trampoline *t = data;
  (void) size;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_LOAD)
      {
	uintptr_t lo = (info->dlpi_addr + info->dlpi_phdr[i].p_vaddr)
		       & ~(PAGE - 1);
	uintptr_t hi = PAGE_UP (info->dlpi_addr + info->dlpi_phdr[i].p_vaddr
				+ info->dlpi_phdr[i].p_memsz);
	if (t->n == sizeof t->range / sizeof t->range[0])
	  error (127, 0, "the launcher has too many segments");
	t->range[t->n][0] = lo;
	t->range[t->n][1] = hi - lo;
	t->n++;
      }
  return 1;
}

/* The process's memory map as prctl (PR_SET_MM_MAP) takes it: from
   /proc/self/stat (fields 26-28 and 45-51) and brk.  */
static bool
current_mm_map (struct mm_map *m)
{
  FILE *f = fopen ("/proc/self/stat", "re");
  char buf[1024];
  size_t n = f != NULL ? fread (buf, 1, sizeof buf - 1, f) : 0;
  if (f != NULL)
    fclose (f);
  buf[n] = '\0';
  /* After the command name, which may hold spaces: field 3 on.  */
  char *p = strrchr (buf, ')'), *save;
  if (p == NULL)
    return false;
  unsigned long long v[52] = { 0 };
  int field = 3;
  for (char *word = strtok_r (p + 1, " \n", &save);
       word != NULL && field <= 51; word = strtok_r (NULL, " \n", &save))
    v[field++] = strtoull (word, NULL, 10);
  if (field <= 51)
    return false;
  memset (m, 0, sizeof *m);
  m->start_code = v[26];
  m->end_code = v[27];
  m->start_stack = v[28];
  m->start_data = v[45];
  m->end_data = v[46];
  m->start_brk = v[47];
  m->brk = (uintptr_t) syscall (SYS_brk, 0);
  m->arg_start = v[48];
  m->arg_end = v[49];
  m->env_start = v[50];
  m->env_end = v[51];
  m->exe_fd = -1;
  return m->start_code != 0 && m->arg_end != 0 && m->env_end != 0;
}

/* Prepare the switch of /proc/self/exe to PROGRAM, whose arguments now
   start at ARG and whose auxiliary vector of AUXC entries is at AUXV:
   returns the page of the trampoline, ready but for the stack pointer
   and entry point, or NULL when the kernel would refuse (then says so
   on stderr).  The switch is prctl (PR_SET_MM, PR_SET_MM_MAP) with an
   exe_fd, as CRIU restores a process: it takes CAP_CHECKPOINT_RESTORE
   or CAP_SYS_ADMIN, and also sets /proc/self/cmdline and auxv.  While
   the launcher is mapped, a kernel that would let us do it answers
   EBUSY, after its checks of the capability and of the file.  */
static char *
prepare_exe (const char *program, const char *arg, const uintptr_t *auxv,
	     size_t auxc)
{
  int fd = open (program, O_RDONLY | O_CLOEXEC);
  struct stat self, prog;
  if (fd < 0 || stat ("/proc/self/exe", &self) != 0 || fstat (fd, &prog) != 0)
    error (127, errno, "%s", program);
  if (self.st_dev == prog.st_dev && self.st_ino == prog.st_ino)
    {
      close (fd);
      return NULL;
    }
  char *page = mmap (NULL, PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED)
    error (127, errno, "cannot map the trampoline");
  memcpy (page, trampoline_start, trampoline_end - trampoline_start);
  struct trampoline *t = trampoline_block (page);
  if ((char *) (t + 1) > page + PAGE)
    error (127, 0, "the trampoline does not fit in a page");
  t->fd = fd;
  int err = EINVAL;
  if (current_mm_map (&t->map))
    {
      t->map.arg_start = (uintptr_t) arg;
      t->map.exe_fd = fd;
      t->map.auxv = (uintptr_t) auxv;
      t->map.auxv_size = auxc * 2 * sizeof (uintptr_t);
      uintptr_t args[5] = { PR_SET_MM, PR_SET_MM_MAP, (uintptr_t) &t->map,
			    sizeof t->map, 0 };
      memcpy (t->arg, args, sizeof args);
      err = prctl (PR_SET_MM, PR_SET_MM_MAP, &t->map, sizeof t->map, 0)
	    == 0 ? EBUSY : errno;
      /* A vector longer than the kernel keeps: leave /proc/self/auxv.  */
      if (err == EINVAL)
	{
	  t->map.auxv = 0;
	  t->map.auxv_size = 0;
	  err = prctl (PR_SET_MM, PR_SET_MM_MAP, &t->map, sizeof t->map, 0)
		== 0 ? EBUSY : errno;
	}
    }
  if (err != EBUSY)
    {
      error (0, err, "warning: /proc/self/exe and $ORIGIN name the "
	     "launcher, not %s (that takes CAP_CHECKPOINT_RESTORE or "
	     "CAP_SYS_ADMIN)", program);
      close (fd);
      munmap (page, PAGE);
      return NULL;
    }
  const char *base = strrchr (program, '/');
  prctl (PR_SET_NAME, base != NULL ? base + 1 : program, 0, 0, 0);
  snprintf (t->text, sizeof t->text, "beast-launch: prctl (PR_SET_MM) "
	    "refused once the launcher was unmapped\n");
  t->msg = (uintptr_t) t->text;
  t->msglen = strlen (t->text);
  dl_iterate_phdr (own_segments, t);
  if (t->n == 0)
    error (127, 0, "cannot find the launcher's segments");
  return page;
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
  uintptr_t *new_auxv = sp + 1 + nargs + 1 + envc + 1;
  size_t new_auxc = (p - new_auxv + sizeof own / sizeof own[0]) / 2;
  char *trampoline = prepare_exe (program, argv[i + 1], new_auxv, new_auxc);

  uintptr_t entry = prog.interp ? interp.entry : prog.entry;
  if (trampoline != NULL)
    {
      struct trampoline *t = trampoline_block (trampoline);
      t->sp = (uintptr_t) sp;
      t->entry = entry;
      if (mprotect (trampoline, PAGE, PROT_READ | PROT_EXEC) != 0)
	error (127, errno, "cannot protect the trampoline");
    }

  /* The new program's libc registers its own rseq area.  */
  syscall (SYS_rseq, (char *) __builtin_thread_pointer () + __rseq_offset,
	   sizeof (struct rseq), RSEQ_FLAG_UNREGISTER, RSEQ_SIG);
  if (trampoline != NULL)
    {
#ifdef __x86_64__
      asm volatile ("jmp *%0"
		    : : "r" (trampoline), "D" (trampoline_block (trampoline))
		    : "memory");
#else
      asm volatile ("jmp *%0"
		    : : "a" (trampoline), "c" (trampoline_block (trampoline))
		    : "memory");
#endif
      __builtin_unreachable ();
    }
  /* x86-64 and i386 ABI: the stack pointer at argc, %edx 0 (no function
     for atexit).  */
#ifdef __x86_64__
  asm volatile ("mov %0, %%rsp\n\t"
		"xor %%edx, %%edx\n\t"
		"jmp *%1"
		: : "r" (sp), "r" (entry)
		: "rdx", "memory");
#else
  asm volatile ("mov %0, %%esp\n\t"
		"xor %%edx, %%edx\n\t"
		"jmp *%1"
		: : "r" (sp), "r" (entry)
		: "edx", "memory");
#endif
  __builtin_unreachable ();
}
