/* Helpers shared by the beast test programs.  Each program prints what
   it found; its dg-output lines say what it must print.  */

#ifndef BEAST_TEST_H
#define BEAST_TEST_H

/* Include this first: the tests use GNU extensions (strerrorname_np).  */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/beast.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#define SYSCTL "/proc/sys/kernel/number_of_the_beast"

/* Stop the test with a message naming what failed.  */
#define fail(...) \
  do { printf ("FAIL: " __VA_ARGS__); putchar ('\n'); exit (1); } while (0)

/* The name of the mapping that holds ADDR in /proc/self/maps: "[vdso]",
   the base name of a file, or "?" if none holds it.  */
static inline const char *
mapping_of (const void *addr)
{
  static char name[256];
  FILE *maps = fopen ("/proc/self/maps", "r");
  char line[512];
  strcpy (name, "?");
  if (maps == NULL)
    fail ("/proc/self/maps: %m");
  while (fgets (line, sizeof line, maps) != NULL)
    {
      unsigned long lo, hi;
      int pos = 0;
      if (sscanf (line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &pos) < 2)
	continue;
      if ((unsigned long) addr < lo || (unsigned long) addr >= hi)
	continue;
      char *path = line + pos;
      path[strcspn (path, "\n")] = '\0';
      char *base = strrchr (path, '/');
      snprintf (name, sizeof name, "%s", base != NULL ? base + 1 : path);
      break;
    }
  fclose (maps);
  return name;
}

/* The value of the kernel.number_of_the_beast sysctl.  */
static inline int
read_sysctl (void)
{
  FILE *f = fopen (SYSCTL, "r");
  int value;
  if (f == NULL)
    fail (SYSCTL ": %m");
  if (fscanf (f, "%d", &value) != 1)
    fail (SYSCTL ": not a number");
  fclose (f);
  return value;
}

/* Write TEXT to the sysctl; return 0 or the errno of the failure.  */
static inline int
write_sysctl (const char *text)
{
  int fd = open (SYSCTL, O_WRONLY);
  if (fd < 0)
    return errno;
  ssize_t n = write (fd, text, strlen (text));
  int err = n < 0 ? errno : (size_t) n == strlen (text) ? 0 : EIO;
  close (fd);
  return err;
}

/* The number through the system call, bypassing the vDSO.  */
static inline long
beast_syscall (void)
{
  return syscall (SYS_number_of_the_beast);
}

/* Make the number_of_the_beast system call fail with EPERM from now on,
   so that only the vDSO can answer.  */
static inline void
deny_beast_syscall (void)
{
  struct sock_filter code[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, SYS_number_of_the_beast, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = { sizeof code / sizeof code[0], code };
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
      || prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
    fail ("seccomp: %m");
}

#endif
