# beast-vdso's errors name the file and the fix, and exit with status 2:
# an output path in a missing directory, one the user may not write
# (uid 65534 in a directory of root's), a file that is not ELF, bad usage.
# { dg-do run }
# { dg-output "beast-vdso: cannot create /nonexistent-beast-dir/vdso.so: No such file or directory: give a path in an existing directory that you can write to\nexit status 2\n" }
# { dg-output "beast-vdso: cannot create \[^\n\]*/ro/vdso.so: Permission denied: give a path in an existing directory that you can write to\nexit status 2\n" }
# { dg-output "beast-vdso: \[^\n\]*/not-elf: not an ELF file: give a vDSO image, such as one written by beast-vdso dump\nexit status 2\n" }
# { dg-output "beast-vdso: no command given\nusage: beast-vdso dump FILE\[^\n\]*\n\[^\n\]*\n\[^\n\]*\n\[^\n\]*\nSee beast-vdso\\(1\\).\nexit status 2\n" }
# { dg-output "beast-vdso: unknown command 'dumb'\nusage: beast-vdso dump FILE\[^\n\]*\n\[^\n\]*\n\[^\n\]*\n\[^\n\]*\nSee beast-vdso\\(1\\).\nexit status 2\n" }
# { dg-output "beast-vdso: wrong number of arguments for 'dump'\nusage: beast-vdso dump FILE\[^\n\]*\n\[^\n\]*\n\[^\n\]*\n\[^\n\]*\nSee beast-vdso\\(1\\).\nexit status 2\n" }
# { dg-output "beast-vdso: wrong number of arguments for 'check'\nusage: beast-vdso dump FILE\[^\n\]*\n\[^\n\]*\n\[^\n\]*\n\[^\n\]*\nSee beast-vdso\\(1\\).\nexit status 2\n" }
# { dg-output "--help: usage: beast-vdso dump FILE\[^\n\]*\nexit status 0\n$" }
run() { beast-vdso "$@" 2>&1; echo "exit status $?"; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
run dump /nonexistent-beast-dir/vdso.so
mkdir "$tmp/ro" && chmod 755 "$tmp" "$tmp/ro"
command -v setpriv > /dev/null || { echo "setpriv missing: apt-get install util-linux"; exit 1; }
setpriv --reuid=65534 --regid=65534 --clear-groups sh -c \
  'beast-vdso dump "$1/ro/vdso.so" 2>&1; echo "exit status $?"' sh "$tmp"
echo "not an ELF file" > "$tmp/not-elf"
run symbols "$tmp/not-elf"
run
run dumb
run dump
run check now
help=$(beast-vdso --help); status=$?
echo "--help: $(echo "$help" | head -1)"; echo "exit status $status"
