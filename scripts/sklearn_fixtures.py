"""Reference values from scikit-learn 1.2 / scipy for the clustering and metrics tests.

Regenerate (Debian's Python has scikit-learn; the first python3 on PATH may not):

    /usr/bin/python3 scripts/sklearn_fixtures.py

Writes test/fixtures/sklearn/*.json. Everything is seeded, so reruns give identical files.
Tests compare to these values at 1e-9 relative without needing Python at test time.

Distances: scikit-learn's "euclidean" metric uses the expansion |x|^2 - 2 x.y + |y|^2, which is off
by ~1e-8 for (near-)duplicate points. Metrics are therefore also recorded with exact distances
(scipy cdist passed as metric="precomputed", same sklearn code path otherwise): "*_exact" keys.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import cdist
from sklearn.cluster import DBSCAN, KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_samples,
    silhouette_score,
)

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "sklearn")
VERSIONS = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    payload = {"generated_by": "scripts/sklearn_fixtures.py", "versions": VERSIONS, **payload}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")


def metric_case(name, X, labels):
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    D = cdist(X, X)
    return {
        "name": name,
        "rows": int(X.shape[0]),
        "cols": int(X.shape[1]),
        "data": X.ravel().tolist(),
        "labels": labels.tolist(),
        "silhouette": float(silhouette_score(X, labels)),
        "silhouette_exact": float(silhouette_score(D, labels, metric="precomputed")),
        "silhouette_samples_exact": silhouette_samples(D, labels, metric="precomputed").tolist(),
        "davies_bouldin": float(davies_bouldin_score(X, labels)),
        "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
    }


def metrics_fixture(rng):
    cases = []
    X, y = make_blobs(n_samples=200, n_features=3, centers=4, cluster_std=1.5, random_state=1)
    cases.append(metric_case("blobs 200x3, 4 true clusters", X, y))
    # Same partition with other label values (including -1): every score must be unchanged.
    mapping = np.array([7, -1, 12, 3])
    cases.append(metric_case("blobs relabelled 7,-1,12,3", X, mapping[y]))
    cases.append(metric_case("blobs, random labels", X, rng.integers(0, 3, size=200)))
    # Ties and duplicates on an integer grid; cluster 2 is one repeated point (a = b = 0 cases).
    G = rng.integers(0, 4, size=(57, 2)).astype(float)
    G = np.vstack([G, [[9.0, 9.0]] * 3])
    yg = np.concatenate([rng.integers(0, 2, size=57), [2, 2, 2]])
    cases.append(metric_case("integer grid with duplicates", G, yg))
    # Two clusters sitting on exactly the same point, plus a third elsewhere.
    D2 = np.array([[0.0, 0.0]] * 4 + [[5.0, 5.0], [5.0, 6.0], [6.0, 5.0]])
    cases.append(metric_case("coincident clusters", D2, [0, 0, 1, 1, 2, 2, 2]))
    # A singleton cluster.
    Xs, ys = make_blobs(n_samples=61, n_features=2, centers=2, random_state=3)
    Xs = np.vstack([Xs, [[20.0, -20.0]]])
    cases.append(metric_case("singleton cluster", Xs, np.concatenate([ys, [5]])))
    # Unequal sizes 250 / 40 / 10.
    Xu, yu = make_blobs(n_samples=[250, 40, 10], n_features=4, cluster_std=[2.0, 1.0, 0.5], random_state=4)
    cases.append(metric_case("unequal sizes 250/40/10", Xu, yu))
    # 1-D data.
    x1 = np.concatenate([rng.normal(0, 1, 30), rng.normal(4, 0.5, 20)])[:, None]
    cases.append(metric_case("1-D data", x1, (x1[:, 0] > 2).astype(int)))
    # Exactly n - 1 labels (largest valid count).
    Xn = rng.normal(size=(6, 2))
    cases.append(metric_case("n-1 labels", Xn, [0, 0, 1, 2, 3, 4]))
    write("metrics", {"cases": cases})


def ari_fixture(rng):
    pairs = []

    def add(name, a, b):
        a = np.asarray(a).tolist()
        b = np.asarray(b).tolist()
        pairs.append({"name": name, "a": a, "b": b, "ari": float(adjusted_rand_score(a, b))})

    add("identical", [0, 0, 1, 1, 2], [0, 0, 1, 1, 2])
    add("permuted labels", [0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])
    add("both one cluster", [0] * 5, [1] * 5)
    add("both all singletons", [0, 1, 2, 3], [3, 2, 1, 0])
    add("one cluster vs singletons", [0, 0, 0, 0], [0, 1, 2, 3])
    add("one cluster vs two", [0] * 6, [0, 0, 0, 1, 1, 1])
    add("empty", [], [])
    add("single sample", [3], [7])
    add("classic example", [0, 0, 1, 1], [0, 0, 1, 2])
    add("negative", [0, 0, 1, 1], [0, 1, 0, 1])
    add("noise -1 as a label", [-1, -1, 0, 0, 1, 1, -1], [0, 0, 0, 1, 1, 1, -1])
    add("random 3 vs 4 (n=500)", rng.integers(0, 3, 500), rng.integers(0, 4, 500))
    base = rng.integers(0, 6, 5000)
    noisy = base.copy()
    flip = rng.random(5000) < 0.2
    noisy[flip] = rng.integers(0, 6, flip.sum())
    add("6 clusters, 20% relabelled (n=5000)", base, noisy)
    write("ari", {"pairs": pairs})


def kmeans_fixture():
    X, y = make_blobs(n_samples=300, n_features=3, centers=5, cluster_std=0.6, random_state=7)
    km = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    # Inertia of arbitrary given centroids with nearest-centroid labels (sklearn -score(X)).
    C = X[[0, 1, 2, 3, 4]]
    given = KMeans(n_clusters=5, init=C, n_init=1, max_iter=1).fit(X)
    given.cluster_centers_ = C  # score() then measures exactly these centroids
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    write(
        "kmeans",
        {
            "rows": 300,
            "cols": 3,
            "data": X.ravel().tolist(),
            "k": 5,
            "labels": km.labels_.tolist(),
            "centroids": km.cluster_centers_.ravel().tolist(),
            "inertia": float(km.inertia_),
            "given_centroids": C.ravel().tolist(),
            "given_labels": d2.argmin(axis=1).tolist(),
            "given_inertia": float(-given.score(X)),
        },
    )


def dbscan_fixture(rng):
    A, _ = make_blobs(n_samples=[120, 80, 60], n_features=2, cluster_std=[0.4, 0.3, 0.5],
                      centers=[[0, 0], [3, 3], [-3, 2]], random_state=11)
    noise = rng.uniform(-6, 6, size=(20, 2))
    X = np.vstack([A, noise])
    cases = []
    for eps, min_samples in [(0.3, 5), (0.5, 4), (0.8, 10)]:
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
        cases.append({"eps": eps, "min_samples": min_samples, "labels": labels.tolist()})
    write("dbscan", {"rows": int(X.shape[0]), "cols": 2, "data": X.ravel().tolist(), "cases": cases})


def pca_fixture(rng):
    Z = rng.normal(size=(200, 5))
    mix = np.array([[1, 0.5, 0, 0, 0.2], [0, 1, 0.8, 0, 0], [0, 0, 1, 0.3, 0], [0, 0, 0, 1, 0.6], [0, 0, 0, 0, 1]])
    X = Z @ mix
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    p = PCA().fit(X)
    write(
        "pca",
        {
            "rows": 200,
            "cols": 5,
            "data": X.ravel().tolist(),
            "explained_variance_ratio": p.explained_variance_ratio_.tolist(),
            "components": p.components_.ravel().tolist(),
            "scores2": p.transform(X)[:, :2].ravel().tolist(),
        },
    )


def ward_fixture(rng):
    X = np.vstack([rng.normal(c, 0.7, size=(15, 3)) for c in ([0, 0, 0], [4, 0, 0], [0, 4, 1])])
    Z = linkage(X, method="ward")
    weights = rng.integers(1, 20, size=12)
    P = rng.normal(size=(12, 2)) * 3
    write(
        "ward",
        {
            "rows": int(X.shape[0]),
            "cols": 3,
            "data": X.ravel().tolist(),
            "linkage": Z.tolist(),
            "labels_k3": fcluster(Z, 3, criterion="maxclust").tolist(),
            # Weighted case: each point repeated `weights` times, scipy Ward on the expanded data.
            "weighted_points": P.ravel().tolist(),
            "weights": weights.tolist(),
            "weighted_expanded_heights": sorted(linkage(np.repeat(P, weights, axis=0), method="ward")[:, 2].tolist())[-11:],
        },
    )


if __name__ == "__main__":
    rng = np.random.default_rng(20240601)
    metrics_fixture(rng)
    ari_fixture(rng)
    kmeans_fixture()
    dbscan_fixture(rng)
    pca_fixture(rng)
    ward_fixture(rng)
    print("wrote", sorted(os.listdir(OUT)))
