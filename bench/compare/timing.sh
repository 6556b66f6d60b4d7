# Sourced by the side-by-side scripts: how they time a command and summarise repetitions.

# Wall seconds of one run of a command (its output discarded), to the millisecond.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  printf "%.3f\n" "$(echo "$end - $start" | bc -l)"
}

# The median of whitespace-separated numbers on standard input (the lower middle one for an even count).
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
