#!/usr/bin/env python3
"""scikit-learn side of the LASSO benchmark (dev.crest.bench.lasso.LassoBenchmark).

Reads the design X (rows x columns, float64 little-endian, column-major), the outcomes Y (rows x outcomes, same
layout) and the fold of each row (int32), then fits one LassoCV per outcome column on the given folds: 100
alphas down to 1e-3 of alpha_max, an intercept, no standardization -- the problem Crest and glmnet solve. Also
fits the full data at one shared lambda with a tight tolerance so the caller can compare coefficients.
Prints one JSON object.
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.linear_model import Lasso, LassoCV


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--x", required=True)
    parser.add_argument("--y", required=True)
    parser.add_argument("--folds", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--outcomes", type=int, required=True, help="outcome columns stored in --y")
    parser.add_argument("--fit-outcomes", type=int, required=True, help="how many of them to cross-validate")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--check-lambda", type=float, required=True)
    parser.add_argument("--check-outcome", type=int, default=0)
    args = parser.parse_args()

    x = np.fromfile(args.x, dtype="<f8").reshape((args.columns, args.rows)).T
    x = np.asfortranarray(x)  # the column-major copy coordinate descent wants
    y = np.fromfile(args.y, dtype="<f8").reshape((args.outcomes, args.rows)).T
    folds = np.fromfile(args.folds, dtype="<i4")
    splits = [(np.flatnonzero(folds != f), np.flatnonzero(folds == f)) for f in range(folds.max() + 1)]

    times, alphas, nonzero = [], [], []
    for q in range(args.fit_outcomes):
        start = time.perf_counter()
        model = LassoCV(n_alphas=100, eps=1e-3, cv=splits, n_jobs=args.threads, fit_intercept=True)
        model.fit(x, y[:, q])
        times.append(time.perf_counter() - start)
        alphas.append(float(model.alpha_))
        nonzero.append(int(np.count_nonzero(model.coef_)))

    check = Lasso(alpha=args.check_lambda, fit_intercept=True, tol=1e-12, max_iter=1_000_000)
    check.fit(x, y[:, args.check_outcome])
    print(json.dumps({
        "version": sklearn.__version__,
        "seconds": times,
        "lambda_min": alphas,
        "nonzero": nonzero,
        "check_coefficients": check.coef_.tolist(),
        "check_intercept": float(check.intercept_),
    }))


if __name__ == "__main__":
    main()
