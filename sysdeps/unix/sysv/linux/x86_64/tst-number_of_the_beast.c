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

#include <errno.h>
#include <stdio.h>
#include <sys/beast.h>
#include <support/check.h>
#include <support/xstdio.h>
#include <support/xthread.h>

#define SYSCTL_PATH "/proc/sys/kernel/number_of_the_beast"

/* The value the kernel publishes, or -1 if it has no such sysctl.  */
static int
kernel_value (void)
{
  FILE *fp = fopen (SYSCTL_PATH, "r");
  if (fp == NULL)
    {
      TEST_COMPARE (errno, ENOENT);
      return -1;
    }
  int value;
  TEST_COMPARE (fscanf (fp, "%d", &value), 1);
  xfclose (fp);
  return value;
}

/* Check one call against EXPECTED, the sysctl value or -1.  */
static void
check_call (int expected)
{
  errno = EBADF;
  int result = number_of_the_beast ();
  if (expected >= 0)
    {
      TEST_COMPARE (result, expected);
      /* A successful call leaves errno alone.  */
      TEST_COMPARE (errno, EBADF);
    }
  else
    {
      /* A kernel without the sysctl has neither the vDSO entry nor the
	 system call.  */
      TEST_COMPARE (result, -1);
      TEST_COMPARE (errno, ENOSYS);
    }
}

static void *
thread_func (void *closure)
{
  check_call (*(int *) closure);
  return NULL;
}

static int
do_test (void)
{
  int expected = kernel_value ();
  if (expected < 0)
    printf ("info: no " SYSCTL_PATH ", expecting ENOSYS\n");
  else
    printf ("info: kernel number is %d\n", expected);

  check_call (expected);
  xpthread_join (xpthread_create (NULL, thread_func, &expected));
  return 0;
}

#include <support/test-driver.c>
