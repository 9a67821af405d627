/**
 * The W3C Web Annotation test assertions (JSON Schema draft-04), read from the conformance folder
 * that sits beside the repository. The data is third-party and is not copied into the project:
 * set ATTEST_CONFORMANCE_DIR to its folder, or place it at ../shared/conformance.
 */
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { conformanceRoot } from "../../support/conformance";

export interface Assertion {
  file: string;
  title: string;
  expected: "valid" | "invalid";
  validate: ValidateFunction;
}

export interface ConformanceSuite {
  dir: string;
  /** Assertions of a `.test` list, e.g. "annotations/annotationMusts.test". */
  assertions(list: string): Assertion[];
}

export type SuiteLoad = { ok: true; suite: ConformanceSuite } | { ok: false; message: string };

export function conformanceDir(): string {
  return path.join(conformanceRoot(), "web-annotation");
}

export function loadConformanceSuite(): SuiteLoad {
  const dir = conformanceDir();
  const definitions = path.join(dir, "definitions");
  if (!fs.existsSync(definitions)) {
    return {
      ok: false,
      message:
        `W3C Web Annotation conformance data not found at ${dir}. Put the conformance folder (with web-annotation/) ` +
        `next to the repository as ../shared/conformance, or set ATTEST_CONFORMANCE_DIR to the conformance folder.`,
    };
  }
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  for (const file of fs.readdirSync(definitions).filter((f) => f.endsWith(".json")).sort()) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(definitions, file), "utf8")));
  }
  const assertions = (list: string): Assertion[] => {
    const test = JSON.parse(fs.readFileSync(path.join(dir, list), "utf8")) as { assertions: string[] };
    return test.assertions.map((file) => {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema);
      return { file, title: String(schema.title ?? file), expected: schema.expectedResult === "invalid" ? "invalid" : "valid", validate };
    });
  };
  return { ok: true, suite: { dir, assertions } };
}

/** True when the validator's verdict on `data` is the assertion's expected result. */
export function passes(assertion: Assertion, data: unknown): boolean {
  const verdict = assertion.validate(data) ? "valid" : "invalid";
  return verdict === assertion.expected;
}
