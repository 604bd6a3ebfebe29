/* A 32-bit program has the system call too, as number 387 on i386:
   through int $0x80 itself and through the C library's syscall().
   Built with the host's gcc -m32: the staged glibc is x86_64 only.  */
/* { dg-do run } */
/* { dg-beast-arch "x86_64" "an i386 program" } */
/* { dg-host-cc "-m32 -static" } */
/* { dg-output "^int 0x80, eax 387: 666\n" } */
/* { dg-output "syscall\\(387\\): 666\n$" } */
#include <stdio.h>
#include <unistd.h>

#ifndef __i386__
# error "an i386 test: build it with gcc -m32"
#endif

static long
int80 (long nr)
{
  long ret;
  __asm__ volatile ("int $0x80" : "=a" (ret) : "0" (nr) : "memory");
  return ret;
}

int
main (void)
{
  printf ("int 0x80, eax 387: %ld\n", int80 (387));
  printf ("syscall(387): %ld\n", syscall (387));
  return 0;
}
