/* number_of_the_beast -- ask the kernel for its number.  Linux/x86 version.
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

/* The vDSO function of every x86 image (64-bit, x32 and 32-bit) takes
   no argument and returns the int, as number_of_the_beast does, so the
   IFUNC can hand out the vDSO entry itself on i386 too.  */
#define USE_IFUNC_NUMBER_OF_THE_BEAST
#include <sysdeps/unix/sysv/linux/number_of_the_beast.c>
