/* Which library's number_of_the_beast the program is bound to.  On this
   kernel both pick their system call stub: in a dynamic program the
   function's mapping names the library; in a static one, glibc's is
   __number_of_the_beast from libc.a, weakly referenced here so that the
   reference does not pull it in.  */
extern int __number_of_the_beast (void) __attribute__ ((weak));

static const char *
which_beast (void)
{
  int (*volatile fn) (void) = number_of_the_beast;
  const char *where = mapping_of ((void *) fn);
  if (strcmp (where, "libbeast.so.1") == 0)
    return "libbeast";
  if (strcmp (where, "libc.so.6") == 0)
    return "glibc";
  return fn == __number_of_the_beast ? "glibc" : "libbeast";
}
