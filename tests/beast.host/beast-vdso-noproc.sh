# Without /proc (a tmpfs mounted over it in a private mount namespace),
# every command says that /proc/self/maps cannot be read and how to fix
# it, with exit status 2.
# { dg-do run }
# { dg-output "dump: beast-vdso: cannot read /proc/self/maps: No such file or directory: /proc is not mounted here \\(mount -t proc proc /proc\\)\nexit status 2\n" }
# { dg-output "symbols: beast-vdso: cannot read /proc/self/maps: No such file or directory: /proc is not mounted here \\(mount -t proc proc /proc\\)\nexit status 2\n" }
# { dg-output "check: beast-vdso: cannot read /proc/self/maps: No such file or directory: /proc is not mounted here \\(mount -t proc proc /proc\\)\nexit status 2\n$" }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! unshare -m sh -c 'mount -t tmpfs tmpfs /proc' 2> "$tmp/err"; then
  echo "UNSUPPORTED: cannot mount a tmpfs over /proc in a new mount namespace: $(cat "$tmp/err")"
  exit 77
fi
unshare -m sh -c '
  mount -t tmpfs tmpfs /proc || exit 1
  for cmd in "dump $1/vdso.so" symbols check; do
    printf "%s: " "${cmd%% *}"
    beast-vdso $cmd 2>&1
    echo "exit status $?"
  done' sh "$tmp"
