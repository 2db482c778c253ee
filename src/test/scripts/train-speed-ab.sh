#!/bin/bash
# Training step time of several builds and of ../shared/bench/torch_ref.py, interleaved (A B C, A B C, ...), each
# run a process of its own. From the project folder:
#   src/test/scripts/train-speed-ab.sh CH BATCH ROUNDS STEPS "ALGOS" SIDE...
# SIDE: a ganbench jar (for example a copy of target/ganbench.jar with its lib/ beside it), the same with ":bf16"
# appended for --precision bf16, or "ref" for torch_ref.py.
# Prints one line per run: round, algorithm, side, seconds per step after one warm-up step.
set -euo pipefail
ch=$1; batch=$2; rounds=$3; steps=$4; algos=$5; shift 5
faces=../shared/data/faces/getchu64
for r in $(seq "$rounds"); do
  for algo in $algos; do
    for side in "$@"; do
      if [ "$side" = ref ]; then
        t=$(/usr/bin/python3 ../shared/bench/torch_ref.py --algo "$algo" --data $faces --iters $((steps + 1)) \
            --batch "$batch" --ch "$ch" --threads 2 --out "$(mktemp -d)" 2>/dev/null \
            | grep -o '"s_per_step_after_first": [0-9.]*' | tail -1 | grep -o '[0-9.]*$')
      else
        jar=${side%:bf16}; precision=$([ "$jar" = "$side" ] && echo f32 || echo bf16)
        t=$(java -jar "$jar" bench train --algo "$algo" --ch "$ch" --batch "$batch" --warmup 1 --steps "$steps" \
            --precision "$precision" 2>/dev/null | grep -o '[0-9.]* s/step' | grep -o '^[0-9.]*')
      fi
      echo "round $r $algo ch $ch batch $batch $side: $t s/step"
    done
  done
done
