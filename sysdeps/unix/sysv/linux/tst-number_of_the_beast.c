/* Test number_of_the_beast.
   Copyright (C) 2026 Free Software Foundation, Inc.
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
   where it looks the vDSO entry up as glibc does (by the name and
   version that the architecture's sysdep.h gives), with dlvsym in the
   vDSO's link map; and statically (tst-number_of_the_beast-static,
   which defines TEST_STATIC), where it reads
   GLRO(dl_vdso_number_of_the_beast) itself.  The expected value comes
   from the system call, or from the vDSO entry on a kernel that has
   only that.  A kernel with neither makes the test UNSUPPORTED.  */

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/beast.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <array_length.h>
#include <sysdep.h>
#ifdef TEST_STATIC
# include <ldsodefs.h>
#else
# include <dlfcn.h>
#endif
#include <support/check.h>
#include <support/namespace.h>
#include <support/xstdio.h>
#include <support/xthread.h>

#define SYSCTL_PATH "/proc/sys/kernel/number_of_the_beast"

/* The audit architecture of the system calls this program makes, for
   the seccomp filter.  */
#if defined __x86_64__
# define TEST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined __i386__
# define TEST_AUDIT_ARCH AUDIT_ARCH_I386
#elif defined __aarch64__ && !defined __AARCH64EB__
# define TEST_AUDIT_ARCH AUDIT_ARCH_AARCH64
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

/* The vDSO entry that glibc uses, or NULL.  */
static beast_function
vdso_entry (void)
{
#if !defined HAVE_NUMBER_OF_THE_BEAST_VSYSCALL
  return NULL;
#elif defined TEST_STATIC
  return GLRO(dl_vdso_number_of_the_beast);
#else
  /* The dynamic loader names the vDSO's link map after its soname.  */
  void *vdso = dlopen ("linux-vdso.so.1", RTLD_NOW | RTLD_NOLOAD);
  if (vdso == NULL)
    return NULL;
  return dlvsym (vdso, HAVE_NUMBER_OF_THE_BEAST_VSYSCALL, VDSO_NAME);
#endif
}

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

#ifdef __NR_number_of_the_beast
/* Run in a subprocess: forbid the system call with a seccomp filter
   (it fails with EPERM), then call the function.  With the vDSO entry
   it must still return the number, which proves that the call did not
   enter the kernel; without it, it must fail with EPERM, which proves
   that it made the system call.  */
static void
call_with_syscall_blocked (void *closure)
{
  bool vdso = *(bool *) closure;
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
      .len = sizeof (filter) / sizeof (filter[0]),
      .filter = filter,
    };
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    FAIL_EXIT1 ("prctl (PR_SET_NO_NEW_PRIVS): %m");
  if (prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
    FAIL_EXIT1 ("prctl (PR_SET_SECCOMP): %m");

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
#endif

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

static int
do_test (void)
{
#ifndef __NR_number_of_the_beast
  TEST_VERIFY (vdso_entry () == NULL);
  TEST_COMPARE (ctor_result, -1);
  TEST_COMPARE (ctor_errno, ENOSYS);
  errno = 0;
  TEST_COMPARE (number_of_the_beast (), -1);
  TEST_COMPARE (errno, ENOSYS);
  FAIL_UNSUPPORTED ("no number_of_the_beast system call on this architecture");
#else
  beast_function vdso_function = vdso_entry ();
  bool vdso = vdso_function != NULL;
  printf ("info: vDSO entry: %s\n", vdso ? "yes" : "no");

  errno = 0;
  long int ret = syscall (__NR_number_of_the_beast);
  if (ret < 0)
    {
      TEST_COMPARE (ret, -1);
      if (errno != ENOSYS)
	FAIL_EXIT1 ("syscall (__NR_number_of_the_beast): %m");
      printf ("info: system call: %m\n");
      if (!vdso)
	{
	  /* The function must fail in the same way.  */
	  TEST_COMPARE (ctor_result, -1);
	  TEST_COMPARE (ctor_errno, ENOSYS);
	  errno = 0;
	  TEST_COMPARE (number_of_the_beast (), -1);
	  TEST_COMPARE (errno, ENOSYS);
	  FAIL_UNSUPPORTED ("the kernel has neither the vDSO entry nor"
			    " the number_of_the_beast system call");
	}
      /* A kernel with only the vDSO entry.  */
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

  if (prctl (PR_GET_SECCOMP, 0, 0, 0, 0) < 0)
    printf ("warning: no seccomp (%m): the vDSO path is not proven\n");
  else
    support_isolate_in_subprocess (call_with_syscall_blocked, &vdso);
  return 0;
#endif
}

#include <support/test-driver.c>
