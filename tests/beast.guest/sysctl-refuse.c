/* Bad writes to kernel.number_of_the_beast fail with a clear error and
   change nothing: garbage, out-of-range and overlong input, up to more
   than a page (EINVAL), an unprivileged user (EACCES when opening), root
   without CAP_SYS_ADMIN (EPERM).  */
/* { dg-do run } */
/* { dg-output "^\"abc\": EINVAL, still 13\n" } */
/* { dg-output "\"-1\": EINVAL, still 13\n" } */
/* { dg-output "\"2147483648\": EINVAL, still 13\n" } */
/* { dg-output "\"1111111111111111111111111111111111111111\": EINVAL, still 13\n" } */
/* { dg-output "\"12abc\": EINVAL, still 13\n" } */
/* { dg-output "4096 digits: EINVAL, still 13\n" } */
/* { dg-output "65536 digits: EINVAL, still 13\n" } */
/* { dg-output "uid 65534: EACCES, still 13\n" } */
/* { dg-output "root without CAP_SYS_ADMIN: EPERM, still 13\n$" } */
#include "beast-test.h"
#include <sys/wait.h>
#include <linux/capability.h>

static void
report (const char *what, int err)
{
  int now = read_sysctl ();
  printf ("%s: %s, still %d\n", what, err ? strerrorname_np (err) : "accepted",
	  now);
  if (number_of_the_beast () != now || beast_syscall () != now)
    fail ("vDSO or system call disagree with the sysctl after %s", what);
}

/* Run WRITE_SYSCTL ("7") in a child after DROP, report the error.  */
static void
try_as (const char *what, int (*drop) (void))
{
  pid_t pid = fork ();
  if (pid == 0)
    {
      if (drop () != 0)
	_exit (255);
      _exit (write_sysctl ("7"));
    }
  int status;
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) == 255)
    fail ("%s: could not drop privileges", what);
  report (what, WEXITSTATUS (status));
}

static int
become_nobody (void)
{
  return setgid (65534) || setuid (65534);
}

static int
drop_sys_admin (void)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];
  if (syscall (SYS_capget, &hdr, data) != 0)
    return -1;
  data[CAP_TO_INDEX (CAP_SYS_ADMIN)].effective &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  return syscall (SYS_capset, &hdr, data);
}

int
main (void)
{
  static const char *bad[] = {
    "abc", "-1", "2147483648", "1111111111111111111111111111111111111111",
    "12abc",
  };
  if (write_sysctl ("13") != 0)
    fail ("root cannot write 13: %m");
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      char what[64];
      snprintf (what, sizeof what, "\"%s\"", bad[i]);
      report (what, write_sysctl (bad[i]));
    }
  /* The kernel parses at most a page; a number never fits.  */
  static const size_t lengths[] = { 4096, 65536 };
  for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
    {
      char what[64], *digits = malloc (lengths[i] + 1);
      if (digits == NULL)
	fail ("malloc");
      memset (digits, '1', lengths[i]);
      digits[lengths[i]] = '\0';
      snprintf (what, sizeof what, "%zu digits", lengths[i]);
      report (what, write_sysctl (digits));
      free (digits);
    }
  try_as ("uid 65534", become_nobody);
  try_as ("root without CAP_SYS_ADMIN", drop_sys_admin);
  write_sysctl ("666");
  return 0;
}
