"""Reference values for the customer-value tests (src/value): special functions from scipy (and
mpmath at 40 digits as the referee), and the MBG/NBD, BG/NBD and Gamma-Gamma quantities computed
directly from the models' definitions by numerical integration, independently of the closed forms
the toolbox implements.

Regenerate (Debian's python3 has scipy and mpmath; the first python3 on PATH may not):

    /usr/bin/python3 scripts/value_fixtures.py

Writes test/fixtures/value/special.json and test/fixtures/value/models.json; deterministic.

Direct computations (time in days):
- purchase model: given λ and p a customer with x repeat purchases, the last at t_x, age T, has
  likelihood alive(λ, p) + dead(λ, p), alive = (1-p)^s λ^x e^{-λT}, dead = 1{s>=1} p (1-p)^(s-1)
  λ^x e^{-λ t_x}, s = x + 1 (modified: drop-out possible after the first purchase) or x (classic);
  an alive customer buys (1/p)(1 - e^{-λ p t}) times in expectation over the next t. The λ-integrals
  against Gamma(r, α) are elementary (E[λ^x e^{-λu}] = Γ(r+x)/Γ(r) α^r/(α+u)^(r+x)); the p-integral
  against Beta(a, b), where the hypergeometric function comes from, is done by mpmath.quad.
- spend model: the mean of n Gamma(p, ν) transactions is Gamma(np, rate nν); its density is
  integrated against ν ~ Gamma(q, γ) by mpmath.quad, and E[Z | data] = E[p/ν | data] likewise.
"""
import json
import os

import mpmath as mp
import numpy as np
import scipy
import scipy.special as sc

mp.mp.dps = 40
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "value")
VERSIONS = {"scipy": scipy.__version__, "numpy": np.__version__, "mpmath": mp.__version__}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    payload = {"generated_by": "scripts/value_fixtures.py", "versions": VERSIONS, **payload}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def special():
    xs = [1e-8, 1e-3, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 2.5, 3.7, 9.99, 10.0, 15.3, 100.25, 1234.5, 1e6]
    log_gamma = [{"x": x, "scipy": float(sc.gammaln(x)), "mpmath": float(mp.loggamma(x))} for x in xs]
    pairs = [(0.5, 0.5), (1, 1), (2, 3), (0.01, 7.5), (120.5, 3.25), (1e4, 2.5), (0.3, 1e5)]
    log_beta = [
        {"a": a, "b": b, "scipy": float(sc.betaln(a, b)),
         "mpmath": float(mp.log(mp.beta(a, b)))}
        for a, b in pairs
    ]
    cases = [
        (1, 1, 2, 0.5), (1, 1, 2, -0.5), (0.5, 1.5, 2.5, 0.9), (2.3, 4.1, 5.7, 0.99),
        (1.25, 3.5, 3.3, -0.9), (0.3, 2.2, 3.1, -3.0), (0.3, 2.2, 3.1, -40.0),
        (5.25, 6.5, 8.3, 0.75), (-0.8, 1.3, 2.6, 0.6), (3.0, -2.0, 4.5, 0.7),
        (0.05, 1.8, 2.6, 0.2), (7.05, 9.5, 10.3, 0.5), (2.2, 0.0, 3.0, 0.4),
        (1.5, 2.5, 0.7, 0.3), (10.5, 0.2, 12.0, 0.95),
    ]
    hyp = [
        {"a": a, "b": b, "c": c, "z": z, "scipy": float(sc.hyp2f1(a, b, c, z)),
         "mpmath": float(mp.hyp2f1(a, b, c, z))}
        for a, b, c, z in cases
    ]
    write("special", {"logGamma": log_gamma, "logBeta": log_beta, "hyp2f1": hyp})


def beta_expectation(h, a, b):
    """E[h(p)] for p ~ Beta(a, b) by mpmath.quad, with the endpoint singularities of the density
    removed by substitution: v = p^a on [0, 1/2] and u = (1 - p)^b on [1/2, 1]."""
    half = mp.mpf(1) / 2
    left = mp.quad(lambda v: h(v ** (1 / a)) * (1 - v ** (1 / a)) ** (b - 1), [0, half ** a]) / a
    right = mp.quad(lambda u: h(1 - u ** (1 / b)) * (1 - u ** (1 / b)) ** (a - 1), [0, half ** b]) / b
    return (left + right) / mp.beta(a, b)


def purchase_direct(params, variant, x, tx, T, t):
    r, alpha, a, b = (mp.mpf(v) for v in params)
    s = x + 1 if variant == "modified" else x

    def g(u):  # E over λ ~ Gamma(r, alpha) of λ^x e^{-λu}
        return mp.gamma(r + x) / mp.gamma(r) * alpha ** r / (alpha + u) ** (r + x)

    def alive(p):
        return (1 - p) ** s * g(T)

    def dead(p):
        return p * (1 - p) ** (s - 1) * g(tx) if s >= 1 else mp.mpf(0)

    def future(p):  # alive now, times the expected purchases of the next t given λ, p
        return (1 - p) ** s * (g(T) - g(T + p * t)) / p

    like_alive = beta_expectation(alive, a, b)
    like = like_alive + beta_expectation(dead, a, b)
    expect = beta_expectation(future, a, b) / like
    return {"logLikelihood": float(mp.log(like)), "pAlive": float(like_alive / like),
            "expected": float(expect)}


def purchase_closed_scipy(params, variant, x, tx, T, t):
    """The closed forms of Fader, Hardie & Lee (2005) and Wagner & Hoppe (2008) with scipy's hyp2f1."""
    r, alpha, a, b = params
    s = x + 1 if variant == "modified" else x
    C = a + b + s - 1
    ratio = a / (b + s - 1) * ((alpha + T) / (alpha + tx)) ** (r + x) if s >= 1 else 0.0
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * sc.hyp2f1(r + x, b + s, C, z)
    return {"pAlive": 1 / (1 + ratio), "expected": C / (a - 1) * bracket / (1 + ratio)}


def spend_direct(params, mean, n):
    p, q, gamma = (mp.mpf(v) for v in params)
    zbar = mp.mpf(mean)

    def density(nu):  # mean of n Gamma(p, nu) is Gamma(n p, rate n nu), times the Gamma(q, gamma) prior
        shape = n * p
        rate = n * nu
        f = rate ** shape * zbar ** (shape - 1) * mp.exp(-rate * zbar) / mp.gamma(shape)
        return f * gamma ** q * nu ** (q - 1) * mp.exp(-gamma * nu) / mp.gamma(q)

    like = mp.quad(density, [0, 1 / zbar, 10 / zbar, mp.inf])
    expect = mp.quad(lambda nu: p / nu * density(nu), [0, 1 / zbar, 10 / zbar, mp.inf]) / like
    return {"logLikelihood": float(mp.log(like)), "expected": float(expect)}


def models():
    param_sets = [
        [0.25, 40.0, 0.8, 2.5],
        [2.0, 300.0, 1.0, 0.5],
        [0.05, 5.0, 3.5, 12.0],
        [0.9, 1500.0, 0.35, 0.02],
    ]
    histories = [(0, 0, 0), (0, 0, 30), (0, 0, 700), (1, 0, 10), (1, 50, 400), (3, 200, 365),
                 (7, 650, 700)]
    purchase = []
    for params in param_sets:
        for variant in ("modified", "classic"):
            for x, tx, T in histories:
                for t in (30.0, 365.0):
                    row = {"params": params, "variant": variant, "x": x, "tx": tx, "T": T, "t": t}
                    row["direct"] = purchase_direct(params, variant, x, tx, T, t)
                    if params[2] != 1.0:
                        row["closedScipy"] = purchase_closed_scipy(params, variant, x, tx, T, t)
                    purchase.append(row)
    spend = []
    for params in ([6.0, 4.0, 15.0], [1.2, 3.5, 80.0], [25.0, 1.5, 3.0]):
        for mean, n in ((35.0, 1), (140.5, 2), (12.25, 5), (400.0, 3)):
            spend.append({"params": params, "mean": mean, "n": n,
                          "direct": spend_direct(params, mean, n)})
    write("models", {"purchase": purchase, "spend": spend})


if __name__ == "__main__":
    special()
    models()
