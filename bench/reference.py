#!/usr/bin/env python3
"""The evaluation a user would otherwise write: pandas read_csv + scikit-learn metrics per segment.

    python3 bench/reference.py PREDICTIONS.csv [--bootstrap B] [--seed S]

Computes ml-gate's binary metric set (threshold 0.5, positive label 1) overall and for every
segment that `ml-gate evaluate` computes in bench/run.mjs (region, channel, product, store, and age
binned at 18, 30, 45, 60, 90, left-closed), with plain scikit-learn calls. Without --bootstrap it
computes point values only: no confidence intervals. With --bootstrap B it adds percentile intervals
from B plain resamples per segment (the usual loop; far slower, which is the point).

Prints one line: the number of segments and the overall ROC AUC (a sanity check against ml-gate's).
With BENCH_RSS_FILE set it also writes its own peak RSS in KiB there (the fallback when
/usr/bin/time is missing).
"""

import argparse
import os
import resource

import numpy as np
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    f1_score,
    log_loss,
    matthews_corrcoef,
    precision_score,
    recall_score,
    roc_auc_score,
)

SEGMENTS = ["region", "channel", "product", "store"]
AGE_BINS = [18, 30, 45, 60, 90]


def ece(y, score, bins=10):
    """Expected calibration error, ml-gate's definition: bin = min(floor(10 score), 9)."""
    b = np.minimum((score * bins).astype(int), bins - 1)
    gap = np.bincount(b, weights=y - score, minlength=bins)
    return np.abs(gap).sum() / len(y)


def metrics(y, score):
    pred = (score >= 0.5).astype(int)
    both = len(np.unique(y)) == 2
    return {
        "accuracy": accuracy_score(y, pred),
        "precision": precision_score(y, pred, zero_division=0),
        "recall": recall_score(y, pred, zero_division=0),
        "f1": f1_score(y, pred, zero_division=0),
        "specificity": recall_score(y, pred, pos_label=0, zero_division=0),
        "balanced_accuracy": balanced_accuracy_score(y, pred),
        "mcc": matthews_corrcoef(y, pred),
        "positive_rate": pred.mean(),
        "brier": brier_score_loss(y, score),
        "roc_auc": roc_auc_score(y, score) if both else None,
        "average_precision": average_precision_score(y, score) if both else None,
        "log_loss": log_loss(y, score, labels=[0, 1]),
        "ece": ece(y, score),
    }


def with_intervals(y, score, replicates, rng):
    point = metrics(y, score)
    draws = {name: [] for name in point}
    n = len(y)
    for _ in range(replicates):
        idx = rng.integers(0, n, n)
        for name, value in metrics(y[idx], score[idx]).items():
            if value is not None:
                draws[name].append(value)
    return {
        name: (value, np.percentile(draws[name], [2.5, 97.5]) if draws[name] else None)
        for name, value in point.items()
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("predictions")
    parser.add_argument("--bootstrap", type=int, default=0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    df = pd.read_csv(args.predictions)
    df["age_bin"] = pd.cut(df["age"], AGE_BINS, right=False)
    rng = np.random.default_rng(args.seed)

    def evaluate(frame):
        y = frame["label"].to_numpy()
        score = frame["score"].to_numpy()
        if args.bootstrap > 0:
            return with_intervals(y, score, args.bootstrap, rng)
        return metrics(y, score)

    results = {"all": evaluate(df)}
    for column in SEGMENTS + ["age_bin"]:
        for value, frame in df.groupby(column, observed=True):
            results[f"{column}={value}"] = evaluate(frame)

    overall = results["all"]["roc_auc"]
    auc = overall[0] if isinstance(overall, tuple) else overall
    print(f"{len(results)} segments, roc_auc {auc:.6f}")
    rss_file = os.environ.get("BENCH_RSS_FILE")
    if rss_file:
        with open(rss_file, "w") as out:
            out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main()
