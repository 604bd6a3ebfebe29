/* The two shapes of number_of_the_beast for i386, as an i386 shared
   library like libc.so, for bench/i386-insns's instruction counts
   (doc/benchmarks.md): -DPATH_GLRO, glibc's INLINE_VSYSCALL (a pointer
   set at start, tested, called, its result checked for an error), or
   -DPATH_IFUNC, an IFUNC whose resolver returns the vDSO entry itself.
   Build: gcc -m32 -O2 -fPIC -shared -I tests/lib -DPATH_...  */
#include <errno.h>
#include <unistd.h>
#include "beast-vdso-sym.h"
typedef int fn_t (void);
static int beast_syscall (void) { return syscall (387); }
#ifdef PATH_GLRO
fn_t *beast_ptr;	/* exported: reached through the GOT, as GLRO is */
__attribute__ ((constructor)) static void init (void)
{ beast_ptr = (fn_t *) vdso_sym ("__vdso_number_of_the_beast"); }
int
number_of_the_beast (void)
{
  fn_t *f = beast_ptr;
  if (f != NULL)
    {
      long int r = f ();
      if ((unsigned long int) r <= -4096UL)
	return r;
      if (r != -ENOSYS)
	{ errno = -r; return -1; }
    }
  return beast_syscall ();
}
#else
static fn_t *resolve (void)
{
  fn_t *f = (fn_t *) vdso_sym ("__vdso_number_of_the_beast");
  return f != NULL ? f : beast_syscall;
}
int number_of_the_beast (void) __attribute__ ((ifunc ("resolve")));
#endif
