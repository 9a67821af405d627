/** Claim types: definitions, the values schema built from them, the defaults, and version diffs. */
export * from "./definition";
export * from "./values-schema";
export * from "./defaults";
export * from "./evolve";
export * from "./field-wording";
export { applyDerivedFields } from "./derive";
