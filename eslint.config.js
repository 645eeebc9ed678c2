// ESLint flat config: typescript-eslint's recommended rules on the toolbox, tests and scripts, and
// the scaling rules of issue 14 (no spread of a collection into a call, no recursion).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Spreading a collection into a call (`f(...xs)`, `new F(...xs)`, `f.apply(t, xs)`) pushes every
 * element on the stack: V8 throws "Maximum call stack size exceeded" from ~10⁵ elements, which is
 * how `npm run segment` died at 10× Olist. Spreads into array and object literals iterate and are
 * allowed. Use `minOf`/`maxOf` (src/util/arrayStats.ts), a loop, or pass the array itself.
 */
const SPREAD_HINT =
  "use minOf/maxOf (src/util/arrayStats.ts), a loop or the array itself: a spread into a call " +
  "puts every element on the stack and throws RangeError from ~10^5 elements (issue 14)";
const noSpreadIntoCalls = [
  {
    selector: "CallExpression > SpreadElement",
    message: `No spread in call arguments: ${SPREAD_HINT}.`,
  },
  {
    selector: "NewExpression > SpreadElement",
    message: `No spread in constructor arguments: ${SPREAD_HINT}.`,
  },
  {
    selector: "CallExpression[arguments.length=2] > MemberExpression.callee[property.name='apply']",
    message: `No f.apply(this, array): ${SPREAD_HINT}.`,
  },
  {
    selector:
      "CallExpression > MemberExpression.callee[object.name='Reflect'][property.name=/^(apply|construct)$/]",
    message: `No Reflect.apply/construct with an argument array: ${SPREAD_HINT}.`,
  },
];

/** Name of a function node: its own name, or the variable, property or method it is assigned to. */
function functionName(node) {
  if (node.id) return node.id.name;
  const parent = node.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier")
    return parent.id.name;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && !parent.computed)
    return parent.key.name ?? null;
  return null;
}

/**
 * Reports a function that calls itself by name, directly or from a function nested in it (`f()`,
 * `this.f()`). Recursion over per-customer data overflows the stack at scale (depth n); recursion
 * whose depth is bounded (a balanced tree, the nesting of a JSON value) stays, with an
 * `eslint-disable-next-line local/no-recursion -- <the bound>` comment on the call. Mutual recursion
 * through other functions is not detected (none in the tree).
 */
const noRecursion = {
  meta: {
    type: "problem",
    messages: {
      recursion:
        "'{{name}}' calls itself: recursion over per-customer data overflows the stack at scale. " +
        "Use a loop with an explicit stack, or state the depth bound in an eslint-disable comment.",
    },
    schema: [],
  },
  create(context) {
    const names = [];
    const enter = (node) => names.push(functionName(node));
    const leave = () => names.pop();
    return {
      FunctionDeclaration: enter,
      "FunctionDeclaration:exit": leave,
      FunctionExpression: enter,
      "FunctionExpression:exit": leave,
      ArrowFunctionExpression: enter,
      "ArrowFunctionExpression:exit": leave,
      CallExpression(node) {
        const callee = node.callee;
        const name =
          callee.type === "Identifier"
            ? callee.name
            : callee.type === "MemberExpression" &&
                callee.object.type === "ThisExpression" &&
                !callee.computed
              ? callee.property.name
              : null;
        if (name && names.includes(name))
          context.report({ node, messageId: "recursion", data: { name } });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "reports/", "data/", ".jupyter/", "typings/", ".scratch*"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    plugins: { local: { rules: { "no-recursion": noRecursion } } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "prefer-const": "error",
      "no-restricted-syntax": ["error", ...noSpreadIntoCalls],
      "local/no-recursion": "error",
    },
  },
);
