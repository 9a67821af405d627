/** Value types of claim fields (claims.md "Value types"): schemas, parsers and helpers. */
export * from "./quantity";
export * from "./date";
export * from "./place";
export * from "./actor";
export * from "./attribution";
export * from "./tristate";
export { formatQuantity, quantityBreakdown, formatNumber } from "./quantity-format";
export * from "./published";
