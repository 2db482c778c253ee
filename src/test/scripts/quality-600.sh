#!/bin/bash
# The 600-step quality comparison of docs/fidelity.md: ours (G as trained and its weight average) against
# ../shared/bench/torch_ref.py, same data, settings and scoring. Usage, from the project folder after a build:
#   src/test/scripts/quality-600.sh OUT [SPEC...]      (SPEC: sngan-0 dragan-0 ..., default all six)
# SIDES="ours" or SIDES="ref" runs one side only (default both). PRECISION=bf16 trains ours in bfloat16 (run folders
# ours-bf16-SPEC).
# Needs Debian's python3-torch python3-scipy python3-pil libopenblas0-openmp. Takes hours on 2 cores.
set -euo pipefail
out=$(realpath -m "$1"); shift
specs=("${@:-sngan-0 sngan-1 sngan-2 dragan-0 dragan-1 dragan-2}")
sides=${SIDES:-ref ours}
bench=../shared/bench
ganbench=${GANBENCH:-java -jar target/ganbench.jar}  # GANBENCH: a copied build, so that rebuilding target/ does not disturb a run
train=$out/getchu-train; heldout=$out/getchu-heldout
if [ ! -d "$heldout" ]; then  # even positions train, odd positions are held out (links: the shared files stay put)
  mkdir -p "$train" "$heldout"; i=0
  for f in $(ls ../shared/data/faces/getchu64 | sort); do
    if ((i % 2 == 0)); then ln -s "$(realpath ../shared/data/faces/getchu64/$f)" "$train/$f"
    else ln -s "$(realpath ../shared/data/faces/getchu64/$f)" "$heldout/$f"; fi; i=$((i + 1))
  done
fi
for spec in ${specs[*]}; do
  algo=${spec%-*}; seed=${spec#*-}
  precision=${PRECISION:-f32}
  ref=$out/ref-$spec; ours=$out/ours-$([ "$precision" = f32 ] || echo "$precision-")$spec
  if [[ $sides == *ref* ]]; then
    /usr/bin/python3 $bench/torch_ref.py --algo "$algo" --data "$train" --iters 600 --batch 32 --ch 128 --threads 2 \
        --seed "$seed" --out "$ref" --dump 1000 > "$ref.log" 2>&1
    /usr/bin/python3 $bench/swd.py "$ref/samples" "$heldout" > "$ref/swd.txt"
    echo "$spec: reference $(tail -1 "$ref/swd.txt")"
  fi
  if [[ $sides == *ours* ]]; then
    $ganbench train --dataset "$train" --algo "$algo" --ch 128 --batch 32 --steps 600 --seed "$seed" --ema-decay 0.999 \
        --precision "$precision" --sample-every 100 --checkpoint-every 300 --run-dir "$ours" > "$ours.log" 2>&1
    for weights in raw average; do
      flag=$([ $weights = raw ] && echo --raw || true)
      $ganbench sample "$ours" --n 1000 --seed 7 $flag --out-dir "$ours/samples-$weights" >> "$ours.log" 2>&1
      /usr/bin/python3 $bench/swd.py "$ours/samples-$weights" "$heldout" > "$ours/swd-$weights.txt"
    done
    echo "$spec: ours raw $(tail -1 "$ours/swd-raw.txt"); ours average $(tail -1 "$ours/swd-average.txt")"
  fi
done
