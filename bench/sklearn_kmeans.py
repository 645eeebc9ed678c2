"""scikit-learn's KMeans timed on a raw float64 matrix, for bench/cluster.ts and bench/scale.ts.

    /usr/bin/python3 bench/sklearn_kmeans.py FILE COLS K N_INIT REPEATS

FILE holds the rows as little-endian float64, row-major. One untimed warm-up fit, then REPEATS
timed fits of KMeans(K, n_init=N_INIT, random_state=0) (Lloyd, scikit-learn's default threads).
Prints one JSON object: wall and process seconds of each timed fit, inertia, iterations.
"""

import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def main():
    path, cols, k, n_init, repeats = sys.argv[1], *map(int, sys.argv[2:6])
    x = np.fromfile(path, dtype="<f8").reshape(-1, cols)
    KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(x)  # warm-up: imports, threads
    wall, cpu = [], []
    for _ in range(repeats):
        c, t = time.process_time(), time.perf_counter()
        km = KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(x)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(json.dumps({
        "wall": wall, "cpu": cpu, "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
    }))


if __name__ == "__main__":
    main()
