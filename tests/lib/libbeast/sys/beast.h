/* Stands in for the patched glibc's <sys/beast.h> in the libbeast
   groups, whose programs are built on the stock glibc: beast-test.h
   then declares number_of_the_beast from libbeast's <beast.h>, and the
   system call number that the stock <sys/syscall.h> lacks.  */

#ifndef _SYS_BEAST_H
#define _SYS_BEAST_H	1

#include <beast.h>

#ifndef SYS_number_of_the_beast
# define SYS_number_of_the_beast 387
#endif

#endif
