/* number_of_the_beast -- ask the kernel for its number.  Linux version.
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

#include <errno.h>
#include <sys/beast.h>
#include <sysdep.h>

extern __typeof (number_of_the_beast) __number_of_the_beast;

/* The kernel keeps the number in its vDSO data page; architectures
   whose vDSO exports a function to read it define
   HAVE_NUMBER_OF_THE_BEAST_VSYSCALL, and setup_vdso_pointers stores it
   in GLRO(dl_vdso_number_of_the_beast).  Kernels without that entry
   may still have the system call, and kernels without either make the
   call fail with ENOSYS.  */

#ifndef __NR_number_of_the_beast
/* The kernel of this architecture has no such system call (and no vDSO
   entry either).  */
int
__number_of_the_beast (void)
{
  __set_errno (ENOSYS);
  return -1;
}

/* Optimize the function call by setting the PLT directly to the vDSO
   symbol.  */
#elif defined USE_IFUNC_NUMBER_OF_THE_BEAST && defined SHARED
# include <dl-vdso.h>
# include <libc-vdso.h>

static int
__number_of_the_beast_syscall (void)
{
  return INLINE_SYSCALL_CALL (number_of_the_beast);
}

# undef INIT_ARCH
# define INIT_ARCH()
libc_ifunc (__number_of_the_beast,
	    GLRO(dl_vdso_number_of_the_beast) != NULL
	    ? VDSO_IFUNC_RET (GLRO(dl_vdso_number_of_the_beast))
	    : __number_of_the_beast_syscall)

#else
# include <sysdep-vdso.h>

/* In a static program IFUNC resolvers run before the vDSO pointers are
   set up, so the pointer is tested on each call.  */
int
__number_of_the_beast (void)
{
# ifdef HAVE_NUMBER_OF_THE_BEAST_VSYSCALL
  return INLINE_VSYSCALL (number_of_the_beast, 0);
# else
  return INLINE_SYSCALL_CALL (number_of_the_beast);
# endif
}
#endif
weak_alias (__number_of_the_beast, number_of_the_beast)
