# Shared by the build scripts: content keys, locks, logged steps.
# Sourced, not run.

# key INPUT...: a short hash of the contents of files and directory trees
# (names relative to each tree), independent of where the clone lives.
# An INPUT of the form =TEXT stands for TEXT itself.
key() {
  for input in "$@"; do
    case $input in
      =*) printf '%s\n' "${input#=}" ;;
      *) if [ -d "$input" ]; then
	   (cd "$input" && find . -type f ! -name '*~' | LC_ALL=C sort | xargs -r sha256sum)
	 elif [ -f "$input" ]; then
	   sha256sum < "$input"
	 else
	   echo "error: $input: no such input" >&2
	   return 1
	 fi ;;
    esac
  done | sha256sum | cut -c1-16
}

# uapi_include HEADERS-DIR KARCH: the include directory of the Linux UAPI
# headers of kernel architecture KARCH under HEADERS-DIR: KARCH/include
# (what make ARCH=KARCH headers_install INSTALL_HDR_PATH=HEADERS-DIR/KARCH
# writes) or KARCH/usr/include (scripts/uapi-headers' layout), whichever
# has asm/unistd.h; KARCH/include when neither has.
uapi_include() {
  [ ! -f "$1/$2/include/asm/unistd.h" ] && [ -f "$1/$2/usr/include/asm/unistd.h" ] \
    && echo "$1/$2/usr/include" || echo "$1/$2/include"
}

# now: seconds since the epoch, for timings.
now() { date +%s; }

# step LOG LABEL FILTER COMMAND...: runs COMMAND with its output in LOG,
# printing the lines that match the extended regex FILTER as progress.
# On failure, shows the end of LOG and names it.
step() {
  log=$1 label=$2 filter=$3
  shift 3
  echo "$label: $* (log: $log)"
  start=$(now)
  set +e
  ( "$@" 2>&1; echo "$?" > "$log.rc" ) | tee "$log" \
    | grep --line-buffered -E "$filter" | sed -u "s|^|  $label: |"
  rc=$(cat "$log.rc" 2>/dev/null || echo 1)
  set -e
  rm -f "$log.rc"
  if [ "$rc" -ne 0 ]; then
    echo "error: $label failed (exit $rc); the last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  echo "$label: done in $(( $(now) - start )) s"
}

# stage FROM TO: puts a copy of the cached tree FROM at TO, hard-linked
# when both are on one file system.
stage() {
  rm -rf "$2.new"
  cp -al "$1" "$2.new" 2>/dev/null || { rm -rf "$2.new"; cp -a "$1" "$2.new"; }
  rm -rf "$2"
  mv "$2.new" "$2"
}

# source_tarball NAME CACHE-DIR: the Debian tarball of NAME (glibc-2.44,
# linux-7.3, ...): $GLIBC_TARBALL or $LINUX_TARBALL, which configure
# passes for its glibc and Linux ($GLIBC_VERSION, $LINUX_VERSION when
# set, even empty: then for no version), else where scripts/fetch-source
# keeps it ($top is the checkout).
source_tarball() {
  case $1 in
    glibc-*) given=${GLIBC_TARBALL:-} configured=${GLIBC_VERSION-${1#glibc-}} ;;
    linux-*) given=${LINUX_TARBALL:-} configured=${LINUX_VERSION-${1#linux-}} ;;
    *) given= configured= ;;
  esac
  if [ -n "$given" ] && [ "${1#*-}" = "$configured" ]; then
    echo "$given"
  else
    "$top/scripts/fetch-source" --where "$1" "$2"
  fi
}

# linux_base CACHE-DIR VERSION: where scripts/build-linux keeps Linux
# VERSION in CACHE-DIR (its patched tree in src/, the build in build/),
# keyed by the tarball (source_tarball).
linux_base() {
  echo "$1/linux-$2-$(key "$(source_tarball "linux-$2" "$1")")"
}

# prune PREFIX: keep the 3 newest of the results PREFIX-*, so that
# checkouts whose inputs differ (another branch, an edited patch) do not
# keep rebuilding each other's, and the cache does not grow without end.
prune() {
  ls -1dt "$1"-* 2>/dev/null | tail -n +4 | while IFS= read -r old; do
    rm -rf "$old"
  done
}

# pristine TARBALL CACHE-DIR: the directory where TARBALL is unpacked, once
# per tarball (CACHE-DIR/pristine/KEY), for every tree made from it
# (scripts/prepare-tree, the pristine git trees of scripts/export-series).
# Read only: those trees are copies or hard links that get replaced, never
# written through.
pristine() {
  dir=$2/pristine/$(key "$1")
  if [ ! -f "$dir.complete" ]; then
    mkdir -p "$2/pristine"
    (
      exec 8> "$dir.lock"
      flock 8
      if [ ! -f "$dir.complete" ]; then
	echo "pristine: unpacking $(basename "$1") into $dir (once per tarball)" >&2
	rm -rf "$dir" "$dir.tmp"
	mkdir -p "$dir.tmp"
	tar -xf "$1" -C "$dir.tmp" --strip-components=1
	mv "$dir.tmp" "$dir"
	touch "$dir.complete"
      fi
    )
  fi
  echo "$dir"
}
