/* Helpers for the test programs that use the dynamic loader (dlvsym on
   the vDSO, dlmopen).  Include after beast-test.h.  */

#ifndef BEAST_DL_H
#define BEAST_DL_H

#include <dlfcn.h>

/* The vDSO's link map, as ld.so loaded it.  */
static inline void *
vdso_handle (void)
{
  void *vdso = dlopen ("linux-vdso.so.1", RTLD_NOW | RTLD_NOLOAD);
  if (vdso == NULL)
    fail ("no vDSO loaded: %s", dlerror ());
  return vdso;
}

/* Print whether the vDSO exports NAME at VERSION, and what it returns.  */
static inline void
vdso_lookup (void *vdso, const char *name, const char *version)
{
  int (*fn) (void) = (int (*) (void)) dlvsym (vdso, name, version);
  if (fn != NULL)
    printf ("%s@%s: found, returns %d\n", name, version, fn ());
  else
    printf ("%s@%s: absent\n", name, version);
}

/* Load a second libc.so.6 into a new link-map namespace, print whether
   the namespace is new and where its number_of_the_beast resolves to,
   and return that function.  */
static inline int (*second_libc_beast (void)) (void)
{
  void *libc = dlmopen (LM_ID_NEWLM, "libc.so.6", RTLD_NOW);
  if (libc == NULL)
    fail ("dlmopen: %s", dlerror ());
  Lmid_t lmid;
  if (dlinfo (libc, RTLD_DI_LMID, &lmid) != 0)
    fail ("dlinfo: %s", dlerror ());
  printf ("new namespace: %s\n", lmid != LM_ID_BASE ? "yes" : "no");
  int (*fn) (void) = (int (*) (void)) dlvsym (libc, "number_of_the_beast",
					      "GNU_BEAST_1.0");
  if (fn == NULL)
    fail ("dlvsym: %s", dlerror ());
  printf ("its number_of_the_beast@GNU_BEAST_1.0 resolves into %s, "
	  "returns %d\n", mapping_of ((void *) fn), fn ());
  return fn;
}

#endif
