/* <beast.h>: number_of_the_beast() from libbeast, for programs on any
   glibc.  Build with: gcc prog.c $(pkg-config --cflags --libs beast)

   The declaration is the same as in the patched glibc's <sys/beast.h>,
   so a program may include both.  Which definition it gets is decided
   when it is linked, not by the header: with -lbeast on the command line
   (before the libc that gcc adds last) the symbol binds to libbeast's
   number_of_the_beast@BEAST_1.0, otherwise to glibc's
   number_of_the_beast@GNU_BEAST_1.0 if the libc has it.  */

#ifndef _BEAST_H
#define _BEAST_H	1

#include <features.h>

#ifndef __BEGIN_DECLS
# ifdef __cplusplus
#  define __BEGIN_DECLS extern "C" {
#  define __END_DECLS }
# else
#  define __BEGIN_DECLS
#  define __END_DECLS
# endif
#endif
#ifndef __THROW
# define __THROW
#endif

__BEGIN_DECLS

/* Return the number of the beast that the kernel keeps (666 unless the
   administrator changed the kernel.number_of_the_beast sysctl), in
   0..INT_MAX.  The value is read from the vDSO when the kernel exports
   __vdso_number_of_the_beast, and through the number_of_the_beast
   system call otherwise.  On error, return -1 and set errno (ENOSYS if
   the kernel provides neither).  Exactly as glibc's; same attributes,
   so that C++ accepts both declarations.  */
extern int number_of_the_beast (void) __THROW;

__END_DECLS

#endif /* beast.h */
