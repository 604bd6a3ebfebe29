/* Declaration of number_of_the_beast.  Linux version.
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

#ifndef _SYS_BEAST_H
#define _SYS_BEAST_H	1

#include <features.h>

__BEGIN_DECLS

/* Return the number of the beast that the kernel keeps (666 unless the
   administrator changed the kernel.number_of_the_beast sysctl), a value
   in 0..INT_MAX.  The value is read from the vDSO when the kernel
   exports an entry for it, and through the number_of_the_beast system
   call otherwise.  On error, return -1 and set errno (ENOSYS if the
   kernel provides neither).  */
extern int number_of_the_beast (void) __THROW;

__END_DECLS

#endif /* sys/beast.h */
