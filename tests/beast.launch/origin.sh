# beast-launch runs a program so that /proc/self/exe names the program,
# not the launcher the kernel executed: so the loader's $ORIGIN (glibc
# reads /proc/self/exe for the main program's) is the program's
# directory, and /proc/self/cmdline and comm are the program's.  Three
# programs started by beast-launch directly, no loader given as the
# program: one built with beast-glibc-gcc (the patched loader as its
# interpreter), one with this machine's gcc and glibc, each finding its
# library through the run path $ORIGIN/lib, and a static one.  Without
# the capabilities the switch takes, the launcher says so, and
# /proc/self/exe stays the launcher.
# { dg-do run }
# { dg-output "^patched glibc: exe the program, comm the program, cmdline the program's, the library beside it: 4711\n" }
# { dg-output "host glibc: exe the program, comm the program, cmdline the program's, the library beside it: 4711\n" }
# { dg-output "static: exe the program, comm the program, cmdline the program's\n" }
# { dg-output "static, without CAP_CHECKPOINT_RESTORE and CAP_SYS_ADMIN: a warning, exe the launcher\n$" }
set -u
[ -n "${BEAST_VDSO_IMAGE:-}" ] || { echo "BEAST_VDSO_IMAGE is not set: run in the launch group"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/lib.c" <<'EOF'
int lib_value (void) { return 4711; }
EOF
cat > "$tmp/prog.c" <<'EOF'
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lib_value (void);

/* The contents of the /proc/self file NAME, NULs as spaces, in BUF.  */
static const char *
proc (const char *name, char *buf)
{
  char path[64];
  snprintf (path, sizeof path, "/proc/self/%s", name);
  int fd = open (path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read (fd, buf, 4095);
  buf[n > 0 ? n : 0] = '\0';
  for (ssize_t i = 0; i < n; i++)
    if (buf[i] == '\0')
      buf[i] = ' ';
  buf[strcspn (buf, "\n")] = '\0';
  if (n > 0 && buf[n - 1] == ' ')
    buf[n - 1] = '\0';
  return buf;
}

int
main (int argc, char **argv)
{
  char exe[PATH_MAX], self[PATH_MAX], cmdline[4096] = "";
  ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  if (realpath (argv[0], self) == NULL)
    strcpy (self, "?");
  for (int i = 0; i < argc; i++)
    snprintf (cmdline + strlen (cmdline), sizeof cmdline - strlen (cmdline),
	      "%s%s", i ? " " : "", argv[i]);
  const char *base = strrchr (argv[0], '/');
  static char comm[4096], cmd[4096];
  proc ("comm", comm);
  proc ("cmdline", cmd);
  printf ("exe %s, comm %s, cmdline %s",
	  strcmp (exe, self) == 0 ? "the program" : exe,
	  strncmp (comm, base ? base + 1 : argv[0], 15) == 0
	  ? "the program" : comm,
	  strcmp (cmd, cmdline) == 0 ? "the program's" : cmd);
#ifndef STATIC
  printf (", the library beside it: %d", lib_value ());
#endif
  printf ("\n");
  return 0;
}
EOF
cd "$tmp" || exit 1
mkdir -p glibc/lib host/lib static
beast-glibc-gcc -fPIC -shared lib.c -o glibc/lib/libo.so &&
  beast-glibc-gcc prog.c -o glibc/prog -Lglibc/lib -lo -Wl,-rpath,'$ORIGIN/lib' &&
  gcc -fPIC -shared lib.c -o host/lib/libo.so &&
  gcc prog.c -o host/prog -Lhost/lib -lo -Wl,-rpath,'$ORIGIN/lib' &&
  beast-glibc-gcc -static -DSTATIC prog.c -o static/prog || exit 1
# From another directory, so that the working one is no help.
cd / || exit 1
for p in glibc host static; do
  case $p in
    glibc) what="patched glibc" ;;
    host) what="host glibc" ;;
    *) what=$p ;;
  esac
  echo "$what: $(beast-launch "$BEAST_VDSO_IMAGE" "$tmp/$p/prog" one 'two words' 2>&1)"
done
out=$(setpriv --bounding-set -checkpoint_restore,-sys_admin \
  --inh-caps=-checkpoint_restore,-sys_admin \
  beast-launch "$BEAST_VDSO_IMAGE" "$tmp/static/prog" 2>&1)
case $out in
  *"warning: /proc/self/exe and \$ORIGIN name the launcher"*) warned="a warning" ;;
  *) warned="no warning" ;;
esac
case $out in
  *"exe $(readlink -f "$(command -v beast-launch)"),"*) exe="exe the launcher" ;;
  *) exe="exe: $out" ;;
esac
echo "static, without CAP_CHECKPOINT_RESTORE and CAP_SYS_ADMIN: $warned, $exe"
