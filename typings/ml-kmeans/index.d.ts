// ml-kmeans 7 declares its types only through package.json "exports"; tslab resolves modules the node10 way.
export * from "../../node_modules/ml-kmeans/lib/index.js";
