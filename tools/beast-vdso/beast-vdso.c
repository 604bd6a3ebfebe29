/* beast-vdso: look at the vDSO of the running process, and at which
   path number_of_the_beast() takes in it.

     beast-vdso dump FILE       write the vDSO's bytes to FILE (an ELF
                                shared object that readelf can read)
     beast-vdso symbols [FILE]  list the dynamic symbols the vDSO (or the
                                ELF file FILE) exports, with their versions
     beast-vdso check           does the vDSO export
                                __vdso_number_of_the_beast@LINUX_2.6, and
                                what did glibc's IFUNC pick?

   Exit status: 0 success (check: the vDSO path is in use), 1 (check
   only) the system call fallback is in use, 2 an error or bad usage.

   The vDSO is the [vdso] line of /proc/self/maps, checked against the
   address the kernel passes in the auxiliary vector (AT_SYSINFO_EHDR).
   Its ELF structures are read with elfutils' libelf (elf_memory on the
   mapping, or elf_begin on FILE).  The program is linked against the
   patched glibc, whose number_of_the_beast it calls.  See
   man/beast-vdso.1.  */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/beast.h>
#include <unistd.h>

#define MAPS "/proc/self/maps"
#define BEAST_SYMBOL "__vdso_number_of_the_beast"
#define BEAST_VERSION "LINUX_2.6"

/* Exit statuses.  */
enum
{
  EXIT_VDSO = 0,		/* check: the vDSO path is in use */
  EXIT_FALLBACK = 1,		/* check: the system call path is in use */
  EXIT_ERROR = 2		/* an error, or bad usage */
};

static void __attribute__ ((noreturn, format (printf, 1, 2)))
die (const char *fmt, ...)
{
  va_list ap;
  fflush (stdout);
  fputs ("beast-vdso: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  exit (EXIT_ERROR);
}

static void __attribute__ ((noreturn))
usage (int status)
{
  fprintf (status == 0 ? stdout : stderr,
	   "usage: beast-vdso dump FILE       write this process's vDSO to FILE\n"
	   "       beast-vdso symbols [FILE]  list the vDSO's (or FILE's) "
	   "versioned dynamic symbols\n"
	   "       beast-vdso check           which path number_of_the_beast() "
	   "takes here\n"
	   "exit status: 0 success (check: vDSO path), 1 (check) system call "
	   "fallback, 2 error\n"
	   "See beast-vdso(1).\n");
  exit (status);
}

/* A mapping of this process: its extent and its name in /proc/self/maps
   (a path, "[vdso]", or "" for an anonymous one).  */
struct mapping
{
  uintptr_t lo, hi;
  char name[PATH_MAX];
};

/* Open /proc/self/maps, or say why it cannot be read and how to fix it.  */
static FILE *
open_maps (void)
{
  FILE *maps = fopen (MAPS, "re");
  if (maps == NULL)
    {
      int err = errno;
      if (err == ENOENT)
	die ("cannot read " MAPS ": %s: /proc is not mounted here "
	     "(mount -t proc proc /proc)", strerror (err));
      die ("cannot read " MAPS ": %s: beast-vdso needs a readable /proc "
	   "(mount -t proc proc /proc)", strerror (err));
    }
  return maps;
}

/* Find the mapping that holds ADDR (if NAME is NULL) or the one named
   NAME.  Return true and fill *M if there is one.  */
static bool
find_mapping (uintptr_t addr, const char *name, struct mapping *m)
{
  FILE *maps = open_maps ();
  char *line = NULL;
  size_t len = 0;
  bool found = false;
  while (!found && getline (&line, &len, maps) > 0)
    {
      unsigned long lo, hi;
      int pos = 0;
      if (sscanf (line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &pos) < 2
	  || pos == 0)
	continue;
      char *path = line + pos;
      path[strcspn (path, "\n")] = '\0';
      if (name != NULL ? strcmp (path, name) == 0 : addr >= lo && addr < hi)
	{
	  m->lo = lo;
	  m->hi = hi;
	  snprintf (m->name, sizeof m->name, "%s", path);
	  found = true;
	}
    }
  free (line);
  if (ferror (maps))
    die ("error reading " MAPS ": %s", strerror (errno));
  fclose (maps);
  return found;
}

/* Find this process's vDSO: the [vdso] mapping, which must be where
   AT_SYSINFO_EHDR says.  Return false if there is none; with REQUIRED,
   exit saying why instead.  */
static bool
find_vdso (struct mapping *vdso, bool required)
{
  bool mapped = find_mapping (0, "[vdso]", vdso);
  uintptr_t ehdr = getauxval (AT_SYSINFO_EHDR);
  if (!mapped && ehdr == 0)
    {
      if (!required)
	return false;
      die ("no [vdso] mapping: the kernel was booted with vdso=0 (or has "
	   "no vDSO): " MAPS " has no [vdso] line and AT_SYSINFO_EHDR is 0; "
	   "boot without vdso=0, or give a vDSO image: beast-vdso symbols "
	   "FILE");
    }
  if (!mapped)
    die ("AT_SYSINFO_EHDR is %#" PRIxPTR " but " MAPS " has no [vdso] "
	 "line: the vDSO was mapped by something other than the kernel",
	 ehdr);
  if (ehdr != vdso->lo)
    die (MAPS " has [vdso] at %#" PRIxPTR " but AT_SYSINFO_EHDR is %#"
	 PRIxPTR ": the vDSO was moved after the program started",
	 vdso->lo, ehdr);
  return true;
}

/* One dynamic symbol: NAME@@VERSION (default) or NAME@VERSION (hidden),
   as readelf prints them; VERSION is NULL for an unversioned one.  */
struct symbol
{
  const char *name;
  const char *version;
  bool hidden;
  GElf_Sym sym;
};

struct symbols
{
  struct symbol *v;
  size_t n;
};

/* WHAT names the ELF object in messages.  */
static const char *what;

static void __attribute__ ((noreturn))
die_elf (const char *doing)
{
  die ("%s: %s: %s", what, doing, elf_errmsg (-1));
}

/* The dynamic symbols that ELF defines, with their versions (from
   .dynsym, .gnu.version and .gnu.version_d).  */
static struct symbols
read_symbols (Elf *elf)
{
  if (elf_kind (elf) != ELF_K_ELF)
    die ("%s: not an ELF file: give a vDSO image, such as one written by "
	 "beast-vdso dump", what);
  Elf_Scn *scn = NULL, *dynsym = NULL, *versym = NULL, *verdef = NULL;
  GElf_Shdr dynsym_shdr = { 0 }, verdef_shdr = { 0 };
  while ((scn = elf_nextscn (elf, scn)) != NULL)
    {
      GElf_Shdr shdr;
      if (gelf_getshdr (scn, &shdr) == NULL)
	die_elf ("cannot read a section header");
      if (shdr.sh_type == SHT_DYNSYM)
	{
	  dynsym = scn;
	  dynsym_shdr = shdr;
	}
      else if (shdr.sh_type == SHT_GNU_versym)
	versym = scn;
      else if (shdr.sh_type == SHT_GNU_verdef)
	{
	  verdef = scn;
	  verdef_shdr = shdr;
	}
    }
  if (dynsym == NULL)
    die ("%s: no .dynsym section: not a shared object such as a vDSO "
	 "image", what);

  /* Version index -> name, from the version definitions.  */
  static const char *names[0x8000];
  memset (names, 0, sizeof names);
  Elf_Data *data;
  if (verdef != NULL)
    {
      if ((data = elf_getdata (verdef, NULL)) == NULL)
	die_elf ("cannot read .gnu.version_d");
      size_t offset = 0;
      for (size_t i = 0; i < verdef_shdr.sh_info; i++)
	{
	  GElf_Verdef def;
	  GElf_Verdaux aux;
	  if (gelf_getverdef (data, offset, &def) == NULL
	      || gelf_getverdaux (data, offset + def.vd_aux, &aux) == NULL)
	    die_elf ("cannot read .gnu.version_d");
	  const char *name = elf_strptr (elf, verdef_shdr.sh_link,
					 aux.vda_name);
	  if (name == NULL)
	    die_elf ("bad version name in .gnu.version_d");
	  names[def.vd_ndx & 0x7fff] = name;
	  if (def.vd_next == 0)
	    break;
	  offset += def.vd_next;
	}
    }
  Elf_Data *versyms = NULL;
  if (versym != NULL && (versyms = elf_getdata (versym, NULL)) == NULL)
    die_elf ("cannot read .gnu.version");

  if ((data = elf_getdata (dynsym, NULL)) == NULL)
    die_elf ("cannot read .dynsym");
  size_t count = dynsym_shdr.sh_entsize ? dynsym_shdr.sh_size
					  / dynsym_shdr.sh_entsize : 0;
  struct symbols syms = { calloc (count + 1, sizeof *syms.v), 0 };
  if (syms.v == NULL)
    die ("out of memory");
  for (size_t i = 1; i < count; i++)
    {
      struct symbol *s = &syms.v[syms.n];
      if (gelf_getsym (data, i, &s->sym) == NULL)
	die_elf ("cannot read .dynsym");
      if (s->sym.st_shndx == SHN_UNDEF)
	continue;
      s->name = elf_strptr (elf, dynsym_shdr.sh_link, s->sym.st_name);
      if (s->name == NULL)
	die_elf ("bad symbol name in .dynsym");
      GElf_Versym vs;
      s->version = NULL;
      if (versyms != NULL && gelf_getversym (versyms, i, &vs) != NULL
	  && (vs & 0x7fff) > 1)
	{
	  s->version = names[vs & 0x7fff];
	  if (s->version == NULL)
	    die ("%s: symbol %s has version index %d, which .gnu.version_d "
		 "does not define", what, s->name, vs & 0x7fff);
	  s->hidden = (vs & 0x8000) != 0;
	  /* The symbol that defines a version (LINUX_2.6, ABS) is printed
	     bare, as readelf prints it.  */
	  if (s->sym.st_shndx == SHN_ABS && strcmp (s->name, s->version) == 0)
	    s->version = NULL;
	}
      syms.n++;
    }
  return syms;
}

static const char *
type_name (unsigned char type)
{
  static const char *const names[] =
    { "NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE", "COMMON", "TLS" };
  if (type < sizeof names / sizeof names[0])
    return names[type];
  return type == STT_GNU_IFUNC ? "IFUNC" : "?";
}

static const char *
bind_name (unsigned char bind)
{
  static const char *const names[] = { "LOCAL", "GLOBAL", "WEAK" };
  if (bind < sizeof names / sizeof names[0])
    return names[bind];
  return bind == STB_GNU_UNIQUE ? "UNIQUE" : "?";
}

/* The symbol NAME at VERSION, or NULL.  */
static const struct symbol *
lookup (const struct symbols *syms, const char *name, const char *version)
{
  for (size_t i = 0; i < syms->n; i++)
    if (strcmp (syms->v[i].name, name) == 0 && syms->v[i].version != NULL
	&& strcmp (syms->v[i].version, version) == 0)
      return &syms->v[i];
  return NULL;
}

/* A libelf descriptor for the running vDSO, read in place.  */
static Elf *
open_vdso (const struct mapping *vdso)
{
  static char name[64];
  snprintf (name, sizeof name, "the vDSO at %#" PRIxPTR, vdso->lo);
  what = name;
  if (memcmp ((const void *) vdso->lo, ELFMAG, SELFMAG) != 0)
    die ("%s: no ELF header at the start of the [vdso] mapping", what);
  Elf *elf = elf_memory ((char *) vdso->lo, vdso->hi - vdso->lo);
  if (elf == NULL)
    die_elf ("elf_memory");
  return elf;
}

/* beast-vdso dump FILE: the mapping's bytes, read from memory.  */
static int
cmd_dump (const char *file)
{
  struct mapping vdso;
  find_vdso (&vdso, true);
  if (memcmp ((const void *) vdso.lo, ELFMAG, SELFMAG) != 0)
    die ("the [vdso] mapping at %#" PRIxPTR " does not start with an ELF "
	 "header", vdso.lo);
  int fd = open (file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    die ("cannot create %s: %s: give a path in an existing directory "
	 "that you can write to", file, strerror (errno));
  const char *p = (const char *) vdso.lo;
  size_t left = vdso.hi - vdso.lo;
  while (left > 0)
    {
      ssize_t n = write (fd, p, left);
      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	die ("cannot write %s: %s", file, n < 0 ? strerror (errno)
	     : "nothing written");
      p += n;
      left -= n;
    }
  if (close (fd) != 0)
    die ("cannot write %s: %s", file, strerror (errno));
  printf ("wrote the vDSO (%#" PRIxPTR "-%#" PRIxPTR ", %zu bytes) to %s\n",
	  vdso.lo, vdso.hi, (size_t) (vdso.hi - vdso.lo), file);
  return 0;
}

/* beast-vdso symbols [FILE].  */
static int
cmd_symbols (const char *file)
{
  Elf *elf;
  int fd = -1;
  struct mapping vdso;
  if (file == NULL)
    {
      find_vdso (&vdso, true);
      elf = open_vdso (&vdso);
    }
  else
    {
      what = file;
      fd = open (file, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
	die ("cannot open %s: %s", file, strerror (errno));
      elf = elf_begin (fd, ELF_C_READ, NULL);
      if (elf == NULL)
	die_elf ("not an ELF file");
    }
  struct symbols syms = read_symbols (elf);
  for (size_t i = 0; i < syms.n; i++)
    {
      const struct symbol *s = &syms.v[i];
      printf ("%016" PRIx64 " %5" PRIu64 " %-6s %-6s %s%s%s\n",
	      s->sym.st_value, s->sym.st_size,
	      type_name (GELF_ST_TYPE (s->sym.st_info)),
	      bind_name (GELF_ST_BIND (s->sym.st_info)), s->name,
	      s->version == NULL ? "" : s->hidden ? "@" : "@@",
	      s->version == NULL ? "" : s->version);
    }
  free (syms.v);
  elf_end (elf);
  if (fd >= 0)
    close (fd);
  return 0;
}

static int
has_interp (struct dl_phdr_info *info, size_t size __attribute__ ((unused)),
	    void *data)
{
  bool *dynamic = data;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_INTERP)
      *dynamic = true;
  return 1;			/* The first object is the program.  */
}

/* Whether this program is statically linked (has no ELF interpreter).  */
static bool
is_static (void)
{
  bool dynamic = false;
  dl_iterate_phdr (has_interp, &dynamic);
  return !dynamic;
}

/* beast-vdso check.  */
static int
cmd_check (void)
{
  struct mapping vdso, where;
  const struct symbol *entry = NULL;
  bool have_vdso = find_vdso (&vdso, false);
  uintptr_t entry_addr = 0;
  if (have_vdso)
    {
      printf ("vDSO: [vdso] at %#" PRIxPTR "-%#" PRIxPTR
	      " (%zu bytes), as AT_SYSINFO_EHDR says\n",
	      vdso.lo, vdso.hi, (size_t) (vdso.hi - vdso.lo));
      Elf *elf = open_vdso (&vdso);
      struct symbols syms = read_symbols (elf);
      entry = lookup (&syms, BEAST_SYMBOL, BEAST_VERSION);
      if (entry != NULL)
	{
	  entry_addr = vdso.lo + entry->sym.st_value;
	  printf ("vDSO export " BEAST_SYMBOL "@" BEAST_VERSION
		  ": yes, at %#" PRIxPTR "\n", entry_addr);
	}
      else
	printf ("vDSO export " BEAST_SYMBOL "@" BEAST_VERSION
		": no, this kernel's vDSO does not export it\n");
      /* ENTRY points into SYMS, which stays allocated.  */
      elf_end (elf);
    }
  else
    printf ("vDSO: none (no [vdso] mapping, AT_SYSINFO_EHDR is 0: the "
	    "kernel was booted with vdso=0)\n"
	    "vDSO export " BEAST_SYMBOL "@" BEAST_VERSION ": no vDSO\n");

  /* In a dynamically linked program the address of an IFUNC symbol is
     the function its resolver picked.  */
  int (*volatile fn) (void) = number_of_the_beast;
  uintptr_t addr = (uintptr_t) fn;
  bool found = find_mapping (addr, NULL, &where);
  const char *base = found ? strrchr (where.name, '/') : NULL;
  const char *in = !found ? "?" : base != NULL ? base + 1 : where.name;
  int status;
  if (strcmp (in, "[vdso]") == 0)
    {
      printf ("number_of_the_beast: resolves to %#" PRIxPTR " in [vdso]%s: "
	      "glibc's IFUNC picked the vDSO\n", addr,
	      addr == entry_addr ? " (" BEAST_SYMBOL ")" : "");
      status = EXIT_VDSO;
    }
  else if (strcmp (in, "libc.so.6") == 0)
    {
      printf ("number_of_the_beast: resolves to %#" PRIxPTR " in libc.so.6: "
	      "glibc's IFUNC picked the system call stub%s\n", addr,
	      entry != NULL ? " although the vDSO exports the entry" : "");
      status = EXIT_FALLBACK;
    }
  else if (is_static ())
    {
      /* glibc's number_of_the_beast in a static program tests, on each
	 call, a pointer to the vDSO entry that it sets at startup.  */
      printf ("number_of_the_beast: static program: glibc calls the vDSO "
	      "entry through a pointer, set at startup if the vDSO exports "
	      "it and checked on each call\n");
      status = entry != NULL ? EXIT_VDSO : EXIT_FALLBACK;
    }
  else
    die ("number_of_the_beast resolves to %#" PRIxPTR " in %s, neither "
	 "the vDSO nor libc.so.6: is this the patched glibc?", addr, in);

  errno = 0;
  int value = fn ();
  if (value == -1)
    printf ("number_of_the_beast() = -1, errno %s (%s)\n",
	    strerrorname_np (errno) ?: "?", strerror (errno));
  else
    printf ("number_of_the_beast() = %d\n", value);
  if (status == EXIT_VDSO)
    printf ("vDSO path in use\n");
  else
    printf ("fallback in use: the number_of_the_beast system call (387)%s\n",
	    value == -1 && errno == ENOSYS
	    ? ", which this kernel does not have" : "");
  return status;
}

int
main (int argc, char **argv)
{
  if (argc == 2 && (strcmp (argv[1], "--help") == 0
		    || strcmp (argv[1], "-h") == 0))
    usage (EXIT_SUCCESS);
  if (elf_version (EV_CURRENT) == EV_NONE)
    die ("libelf is too old: %s", elf_errmsg (-1));
  if (argc == 3 && strcmp (argv[1], "dump") == 0)
    return cmd_dump (argv[2]);
  if ((argc == 2 || argc == 3) && strcmp (argv[1], "symbols") == 0)
    return cmd_symbols (argv[2]);
  if (argc == 2 && strcmp (argv[1], "check") == 0)
    return cmd_check ();
  if (argc < 2)
    fprintf (stderr, "beast-vdso: no command given\n");
  else if (strcmp (argv[1], "dump") != 0 && strcmp (argv[1], "symbols") != 0
	   && strcmp (argv[1], "check") != 0)
    fprintf (stderr, "beast-vdso: unknown command '%s'\n", argv[1]);
  else
    fprintf (stderr, "beast-vdso: wrong number of arguments for '%s'\n",
	     argv[1]);
  usage (EXIT_ERROR);
}
