/* Test number_of_the_beast.
   Copyright The GNU Toolchain Authors.
   This file is part of the GNU C Library.

   The GNU C Library is free software; you can redistribute it and/or
   modify it under the terms of the GNU Lesser General Public
   License as published by the Free Software Foundation; either
   version 2.1 of the License, or (at your option) any later version.

   The GNU C Library is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
   Lesser General Public License for more details.

   You should have received a copy of the GNU Lesser General Public
   License along with the GNU C Library; if not, see
   <https://www.gnu.org/licenses/>.  */

/* This is an internal test (tests-internal), built twice: dynamically,
   and statically (tst-number_of_the_beast-static, which defines
   TEST_STATIC and also checks GLRO(dl_vdso_number_of_the_beast)).  It
   finds the vDSO entry itself, in the image the kernel names with
   AT_SYSINFO_EHDR, by the name and version that the architecture's
   sysdep.h gives.  The expected value comes from the system call, or
   from the vDSO entry on a kernel that has only that.  A kernel with
   neither, or one whose system call is refused with EPERM and that has
   no vDSO entry, makes the test UNSUPPORTED, as does a kernel where the
   test cannot install a seccomp filter.  */

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/beast.h>
#include <sysdep.h>
#include <support/check.h>

#ifdef __NR_number_of_the_beast
# include <stddef.h>
# include <sys/prctl.h>
# include <sys/syscall.h>
# include <sys/wait.h>
# include <linux/audit.h>
# include <linux/filter.h>
# include <linux/seccomp.h>
# include <array_length.h>
# include <support/xstdio.h>
# include <support/xthread.h>
# include <support/test-driver.h>
# include <support/xunistd.h>
#endif

#ifdef HAVE_NUMBER_OF_THE_BEAST_VSYSCALL
# include <elf.h>
# include <link.h>
# include <stdint.h>
# include <sys/auxv.h>
# ifdef TEST_STATIC
#  include <ldsodefs.h>
# endif
#endif

/* The call made by a constructor, before main: in a static program
   this shows that the vDSO pointers are set up by then.  */
static int ctor_result;
static int ctor_errno;

static void __attribute__ ((constructor))
call_from_constructor (void)
{
  errno = EBADF;
  ctor_result = number_of_the_beast ();
  ctor_errno = errno;
}

typedef int (*beast_function) (void);

#ifdef HAVE_NUMBER_OF_THE_BEAST_VSYSCALL
/* The symbol NAME at version VERSION in the vDSO image that the kernel
   mapped at EHDR, or NULL.  Read from the image itself, through its
   dynamic section, so that the answer depends neither on the name the
   vDSO's link map has nor on the dynamic loader's own lookup.  */
static void *
vdso_lookup (const ElfW(Ehdr) *ehdr, const char *name, const char *version)
{
  const ElfW(Phdr) *phdr
    = (const ElfW(Phdr) *) ((const char *) ehdr + ehdr->e_phoff);
  uintptr_t base = 0;
  bool have_base = false;
  const ElfW(Dyn) *dyn = NULL;
  for (int i = 0; i < ehdr->e_phnum; ++i)
    if (phdr[i].p_type == PT_LOAD && !have_base)
      {
	base = (uintptr_t) ehdr + phdr[i].p_offset - phdr[i].p_vaddr;
	have_base = true;
      }
    else if (phdr[i].p_type == PT_DYNAMIC)
      dyn = (const ElfW(Dyn) *) ((const char *) ehdr + phdr[i].p_offset);
  TEST_VERIFY_EXIT (have_base && dyn != NULL);

  const ElfW(Sym) *symtab = NULL;
  const char *strtab = NULL;
  const Elf32_Word *hash = NULL;
  const Elf32_Word *gnu_hash = NULL;
  const ElfW(Versym) *versym = NULL;
  const ElfW(Verdef) *verdef = NULL;
  for (; dyn->d_tag != DT_NULL; ++dyn)
    {
      const void *p = (const void *) (base + dyn->d_un.d_ptr);
      switch (dyn->d_tag)
	{
	case DT_SYMTAB: symtab = p; break;
	case DT_STRTAB: strtab = p; break;
	case DT_HASH: hash = p; break;
	case DT_GNU_HASH: gnu_hash = p; break;
	case DT_VERSYM: versym = p; break;
	case DT_VERDEF: verdef = p; break;
	}
    }
  TEST_VERIFY_EXIT (symtab != NULL && strtab != NULL);
  TEST_VERIFY_EXIT (hash != NULL || gnu_hash != NULL);

  /* The number of symbols: nchain of DT_HASH, or one more than the
     highest index in the DT_GNU_HASH chains.  */
  size_t nsyms;
  if (hash != NULL)
    nsyms = hash[1];
  else
    {
      Elf32_Word nbuckets = gnu_hash[0];
      Elf32_Word symoffset = gnu_hash[1];
      Elf32_Word bloom_size = gnu_hash[2];
      const Elf32_Word *buckets
	= (const Elf32_Word *) ((const ElfW(Addr) *) (gnu_hash + 4)
				+ bloom_size);
      const Elf32_Word *chains = buckets + nbuckets;
      nsyms = symoffset;
      for (Elf32_Word i = 0; i < nbuckets; ++i)
	if (buckets[i] >= nsyms)
	  {
	    Elf32_Word j = buckets[i];
	    while ((chains[j - symoffset] & 1) == 0)
	      ++j;
	    nsyms = j + 1;
	  }
    }

  for (size_t i = 0; i < nsyms; ++i)
    {
      if (symtab[i].st_shndx == SHN_UNDEF
	  || ELFW(ST_TYPE) (symtab[i].st_info) != STT_FUNC
	  || strcmp (strtab + symtab[i].st_name, name) != 0)
	continue;
      /* The version of the symbol, if the image has versions.  */
      if (versym != NULL && verdef != NULL)
	{
	  ElfW(Half) ndx = versym[i] & 0x7fff;
	  const ElfW(Verdef) *def = verdef;
	  while (def->vd_ndx != ndx)
	    {
	      if (def->vd_next == 0)
		{
		  def = NULL;
		  break;
		}
	      def = (const ElfW(Verdef) *) ((const char *) def + def->vd_next);
	    }
	  if (def == NULL)
	    continue;
	  const ElfW(Verdaux) *aux
	    = (const ElfW(Verdaux) *) ((const char *) def + def->vd_aux);
	  if (strcmp (strtab + aux->vda_name, version) != 0)
	    continue;
	}
      return (void *) (base + symtab[i].st_value);
    }
  return NULL;
}
#endif

/* The vDSO entry that glibc should use, or NULL.  */
static beast_function
vdso_entry (void)
{
#ifdef HAVE_NUMBER_OF_THE_BEAST_VSYSCALL
  const ElfW(Ehdr) *ehdr = (const ElfW(Ehdr) *) getauxval (AT_SYSINFO_EHDR);
  beast_function entry = NULL;
  if (ehdr != NULL)
    entry = vdso_lookup (ehdr, HAVE_NUMBER_OF_THE_BEAST_VSYSCALL, VDSO_NAME);
  printf ("info: vDSO: %s, entry %s@%s: %s\n",
	  ehdr != NULL ? "mapped" : "none (no AT_SYSINFO_EHDR)",
	  HAVE_NUMBER_OF_THE_BEAST_VSYSCALL, VDSO_NAME,
	  entry != NULL ? "found" : "not found");
# ifdef TEST_STATIC
  /* glibc found the same entry at startup.  */
  TEST_VERIFY (GLRO(dl_vdso_number_of_the_beast) == entry);
# endif
  return entry;
#else
  puts ("info: glibc looks for no vDSO entry on this architecture");
  return NULL;
#endif
}

#ifdef __NR_number_of_the_beast
/* The audit architecture of the system calls this program makes, for
   the seccomp filter.  */
# if defined __x86_64__
#  define TEST_AUDIT_ARCH AUDIT_ARCH_X86_64
# elif defined __i386__
#  define TEST_AUDIT_ARCH AUDIT_ARCH_I386
# elif defined __aarch64__ && !defined __AARCH64EB__
#  define TEST_AUDIT_ARCH AUDIT_ARCH_AARCH64
# endif

/* The value that every call must return.  */
static int expected;

/* Check one call against EXPECTED.  Return false on a failure.  */
static bool
check_call (void)
{
  errno = EBADF;
  int result = number_of_the_beast ();
  int err = errno;
  TEST_COMPARE (result, expected);
  /* A successful call leaves errno alone.  */
  TEST_COMPARE (err, EBADF);
  return result == expected && err == EBADF;
}

static void *
thread_func (void *closure)
{
  /* Stop at the first failure, which is reported once.  */
  for (int i = 0; i < 1000; ++i)
    if (!check_call ())
      break;
  return NULL;
}

/* Check that the function fails with ERR, from the constructor and
   now.  */
static void
check_failure (int err)
{
  TEST_COMPARE (ctor_result, -1);
  TEST_COMPARE (ctor_errno, err);
  errno = 0;
  TEST_COMPARE (number_of_the_beast (), -1);
  TEST_COMPARE (errno, err);
}

/* Run in a subprocess: forbid the system call with a seccomp filter
   (it fails with EPERM), then call the function.  With the vDSO entry
   it must still return the number, which proves that the call did not
   enter the kernel; without it, it must fail with EPERM, which proves
   that it made the system call.  A filter that cannot be installed
   makes the subprocess exit with EXIT_UNSUPPORTED.  */
static void
call_with_syscall_blocked (bool vdso)
{
  struct sock_filter filter[] =
    {
# ifdef TEST_AUDIT_ARCH
      BPF_STMT (BPF_LD | BPF_W | BPF_ABS,
		offsetof (struct seccomp_data, arch)),
      BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, TEST_AUDIT_ARCH, 1, 0),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
# endif
      BPF_STMT (BPF_LD | BPF_W | BPF_ABS,
		offsetof (struct seccomp_data, nr)),
      BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_number_of_the_beast, 0, 1),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
      BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
  struct sock_fprog prog =
    {
      .len = array_length (filter),
      .filter = filter,
    };
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    FAIL_UNSUPPORTED ("prctl (PR_SET_NO_NEW_PRIVS): %m");
  if (prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
    FAIL_UNSUPPORTED ("prctl (PR_SET_SECCOMP): %m");

  /* The filter works.  */
  errno = 0;
  TEST_COMPARE (syscall (__NR_number_of_the_beast), -1);
  TEST_COMPARE (errno, EPERM);

  if (vdso)
    {
      errno = EBADF;
      TEST_COMPARE (number_of_the_beast (), expected);
      TEST_COMPARE (errno, EBADF);
      xpthread_join (xpthread_create (NULL, thread_func, NULL));
    }
  else
    {
      errno = 0;
      TEST_COMPARE (number_of_the_beast (), -1);
      TEST_COMPARE (errno, EPERM);
    }
}

# define SYSCTL_PATH "/proc/sys/kernel/number_of_the_beast"

/* Compare EXPECTED with the sysctl, where the kernel has one.  */
static void
check_sysctl (void)
{
  FILE *fp = fopen (SYSCTL_PATH, "r");
  if (fp == NULL)
    {
      printf ("info: no " SYSCTL_PATH ": %m\n");
      return;
    }
  int value;
  if (fscanf (fp, "%d", &value) != 1)
    FAIL_EXIT1 ("cannot read a number from " SYSCTL_PATH);
  xfclose (fp);
  TEST_COMPARE (value, expected);
}
#endif /* __NR_number_of_the_beast */

static int
do_test (void)
{
  beast_function vdso_function = vdso_entry ();
  bool vdso = vdso_function != NULL;
  printf ("info: vDSO entry: %s\n", vdso ? "yes" : "no");

#ifndef __NR_number_of_the_beast
  TEST_VERIFY (!vdso);
  TEST_COMPARE (ctor_result, -1);
  TEST_COMPARE (ctor_errno, ENOSYS);
  errno = 0;
  TEST_COMPARE (number_of_the_beast (), -1);
  TEST_COMPARE (errno, ENOSYS);
  FAIL_UNSUPPORTED ("no number_of_the_beast system call on this architecture");
#else
  errno = 0;
  long int ret = syscall (__NR_number_of_the_beast);
  if (ret < 0)
    {
      int err = errno;
      TEST_COMPARE (ret, -1);
      /* ENOSYS: a kernel without the system call.  EPERM: a seccomp
	 filter that refuses system calls it does not know, as
	 container run-times install.  */
      if (err != ENOSYS && err != EPERM)
	FAIL_EXIT1 ("syscall (__NR_number_of_the_beast): %m");
      printf ("info: system call: %s\n", strerrorname_np (err));
      if (!vdso)
	{
	  /* The function must fail in the same way.  */
	  check_failure (err);
	  if (err == ENOSYS)
	    FAIL_UNSUPPORTED ("the kernel has neither the vDSO entry nor"
			      " the number_of_the_beast system call");
	  else
	    FAIL_UNSUPPORTED ("the number_of_the_beast system call fails"
			      " with EPERM (a seccomp filter?), and the"
			      " kernel has no vDSO entry");
	}
      /* A kernel with only the vDSO entry, or a system call refused by
	 a filter.  */
      expected = vdso_function ();
    }
  else
    {
      printf ("info: system call: %ld\n", ret);
      TEST_VERIFY_EXIT (ret <= INT_MAX);
      expected = ret;
      /* The vDSO and the system call agree.  */
      if (vdso)
	TEST_COMPARE (vdso_function (), expected);
    }
  TEST_VERIFY (expected >= 0);
  printf ("info: expected value: %d\n", expected);
  check_sysctl ();

  TEST_COMPARE (ctor_result, expected);
  TEST_COMPARE (ctor_errno, EBADF);

  check_call ();
  pthread_t threads[4];
  for (int i = 0; i < array_length (threads); ++i)
    threads[i] = xpthread_create (NULL, thread_func, NULL);
  for (int i = 0; i < array_length (threads); ++i)
    xpthread_join (threads[i]);

  /* Which path the function takes: only a seccomp filter tells.  */
  if (prctl (PR_GET_SECCOMP, 0, 0, 0, 0) < 0)
    FAIL_UNSUPPORTED ("prctl (PR_GET_SECCOMP): %m: without seccomp the"
		      " test cannot tell the vDSO path from the system"
		      " call");
  pid_t pid = xfork ();
  if (pid == 0)
    {
      call_with_syscall_blocked (vdso);
      _exit (0);
    }
  int status;
  xwaitpid (pid, &status, 0);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_UNSUPPORTED)
    FAIL_UNSUPPORTED ("no seccomp filter could be installed (above): the"
		      " test cannot tell the vDSO path from the system"
		      " call");
  if (status != 0)
    FAIL_EXIT1 ("the subprocess with the seccomp filter ended with"
		" status %d", status);
  return 0;
#endif
}

#include <support/test-driver.c>
