/* number_of_the_beast -- ask the kernel for its number.  Linux/x86_64 version.
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

#include <sys/beast.h>
#include <sysdep.h>
#include <ldsodefs.h>

extern __typeof (number_of_the_beast) __number_of_the_beast;

/* The kernel keeps the number in its vDSO data page and exports
   __vdso_number_of_the_beast to read it without entering the kernel.
   Kernels without that entry may still have the system call, and
   kernels without either make the system call fail with ENOSYS.  */

#ifdef SHARED
# include <dl-vdso.h>
# include <libc-vdso.h>

static int
__number_of_the_beast_syscall (void)
{
  return INLINE_SYSCALL_CALL (number_of_the_beast);
}

/* The IFUNC resolver runs after the dynamic loader has set up the vDSO
   link map, so the PLT slot can point straight into the vDSO.  */
# undef INIT_ARCH
# define INIT_ARCH() \
  void *vdso_number_of_the_beast \
    = dl_vdso_vsym (HAVE_NUMBER_OF_THE_BEAST_VSYSCALL)
libc_ifunc (__number_of_the_beast,
	    vdso_number_of_the_beast
	    ? VDSO_IFUNC_RET (vdso_number_of_the_beast)
	    : (void *) __number_of_the_beast_syscall)

#else
/* In a static program IFUNC resolvers run before the vDSO pointers are
   set up, so test the pointer on each call instead.  The vDSO entry
   cannot fail (the kernel keeps the number in 0..INT_MAX), so unlike
   INLINE_VSYSCALL this needs no error check after it and the call
   becomes a tail call.  */
int
__number_of_the_beast (void)
{
  int (*vdso) (void) = GLRO(dl_vdso_number_of_the_beast);
  if (vdso != NULL)
    return vdso ();
  return INLINE_SYSCALL_CALL (number_of_the_beast);
}
#endif
weak_alias (__number_of_the_beast, number_of_the_beast)
