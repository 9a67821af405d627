/** Claim types: definitions, the values schema built from them, and the defaults. */
export * from "./definition";
export * from "./values-schema";
export * from "./defaults";
export * from "./field-wording";
export { applyDerivedFields } from "./derive";
export * from "./fast-tagging";
