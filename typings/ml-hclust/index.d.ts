// ml-hclust 4 declares its types only through package.json "exports"; tslab resolves modules the node10 way.
export * from "../../node_modules/ml-hclust/lib/index.js";
