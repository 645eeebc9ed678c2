"""The scikit-learn pipeline that `npm run segment` is timed against (bench/scale.ts, issue 14).

The same work as `npm run segment` on the same folder of Olist files, done the usual Python way:
pandas reads the four CSV files it needs and builds the RFM + satisfaction customer table
(delivered orders purchased and delivered before the as-of date, the midnight after the latest
purchase; recency in days, frequency, monetary = sum of payments, mean review score of reviews
created before the as-of date, missing scores imputed by the median), log1p on frequency and
monetary, standard scaling, KMeans(k, n_init=10), then the exact silhouette, Davies-Bouldin and
Calinski-Harabasz. It is a timing reference, not a pinned reimplementation: the table follows
the same rules as src/features/customers.ts, but the figures are not asserted equal.

Needs Debian's python3-sklearn and python3-pandas (apt-get install python3-sklearn python3-pandas).

    /usr/bin/python3 bench/sklearn_pipeline.py DATA_DIR [--k 5] [--seed 0]

Prints one JSON object: customers, seconds per stage and in total, and the scores.
"""

import argparse
import json
import os
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.preprocessing import StandardScaler


def read(folder, table, columns, dates=()):
    for name in (f"olist_{table}_dataset.csv", f"olist_{table}_dataset.csv.gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return pd.read_csv(path, usecols=columns, parse_dates=list(dates))
    raise SystemExit(f"sklearn_pipeline: {folder} has no olist_{table}_dataset.csv")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    seconds = {}
    clock = time.perf_counter()
    start = clock

    def lap(stage):
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    orders = read(
        args.data,
        "orders",
        ["order_id", "customer_id", "order_status", "order_purchase_timestamp",
         "order_delivered_customer_date"],
        ["order_purchase_timestamp", "order_delivered_customer_date"],
    )
    customers = read(args.data, "customers", ["customer_id", "customer_unique_id"])
    payments = read(args.data, "order_payments", ["order_id", "payment_value"])
    reviews = read(
        args.data, "order_reviews", ["order_id", "review_score", "review_creation_date"],
        ["review_creation_date"],
    )
    lap("read")

    as_of = orders["order_purchase_timestamp"].max().normalize() + pd.Timedelta(days=1)
    counted = orders[
        (orders["order_status"] == "delivered")
        & (orders["order_purchase_timestamp"] < as_of)
        & (orders["order_delivered_customer_date"] < as_of)
    ].merge(customers, on="customer_id")
    paid = payments.groupby("order_id")["payment_value"].sum().rename("paid")
    scored = (
        reviews[reviews["review_creation_date"] < as_of]
        .groupby("order_id")["review_score"].mean().rename("score")
    )
    counted = counted.join(paid, on="order_id").join(scored, on="order_id")
    table = counted.groupby("customer_unique_id").agg(
        last=("order_purchase_timestamp", "max"),
        frequency=("order_id", "count"),
        monetary=("paid", "sum"),
        mean_review_score=("score", "mean"),
    )
    table["recency_days"] = (as_of - table["last"]).dt.total_seconds() / 86400
    table["mean_review_score"] = table["mean_review_score"].fillna(
        table["mean_review_score"].median()
    )
    lap("features")

    x = table[["recency_days", "frequency", "monetary", "mean_review_score"]].to_numpy(float)
    x[:, 1] = np.log1p(x[:, 1])
    x[:, 2] = np.log1p(x[:, 2])
    x = StandardScaler().fit_transform(x)
    lap("transform")

    km = KMeans(n_clusters=args.k, n_init=10, random_state=args.seed).fit(x)
    lap("kmeans")
    silhouette = silhouette_score(x, km.labels_)
    lap("silhouette")
    davies_bouldin = davies_bouldin_score(x, km.labels_)
    calinski_harabasz = calinski_harabasz_score(x, km.labels_)
    lap("daviesBouldin+calinskiHarabasz")

    print(json.dumps({
        "customers": int(x.shape[0]),
        "asOf": str(as_of.date()),
        "seconds": {"total": time.perf_counter() - start, **seconds},
        "inertia": float(km.inertia_),
        "silhouette": float(silhouette),
        "daviesBouldin": float(davies_bouldin),
        "calinskiHarabasz": float(calinski_harabasz),
    }))


if __name__ == "__main__":
    main()
