/* fake-vdso: the smallest vDSO image with the number_of_the_beast entry,
   for tools/beast-launch on a machine whose kernel lacks the series:

     gcc -shared -fPIC -nostdlib -O2 -Wl,-soname,linux-vdso.so.1 \
       -Wl,--hash-style=both -Wl,--build-id=none -Wl,-T,fake-vdso.ld \
       -Wl,--version-script=fake-vdso.lds -o fake-vdso.so fake-vdso.c

   (fake-vdso.ld lays it out as one segment whose addresses are its file
   offsets, as the kernel's images are: tools/beast-launch copies the
   file as it is.)

   It exports only __vdso_number_of_the_beast@LINUX_2.6 (no clocks: glibc
   makes those system calls), returning BEAST_VALUE.  Used by
   scripts/glibc-tests-proof to run glibc's tests of the function on the
   vDSO path on this machine.  */

#ifndef BEAST_VALUE
# define BEAST_VALUE 666
#endif

int
__vdso_number_of_the_beast (void)
{
  return BEAST_VALUE;
}
