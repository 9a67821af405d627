/**
 * Validates a Frictionless Data Package with the Frictionless Data JavaScript library
 * (`datapackage`, which reads tables with `tableschema`), the way a user of the export would:
 *
 * 1. the descriptor against the Data Package profile it names (the JSON Schema profiles that ship
 *    inside the installed `datapackage` package, never copied here), once with the library's own
 *    validator and once with Ajv with formats checked (`created` as a date-time, and so on);
 * 2. the package loaded from disk: it must be valid, of the tabular profile, and every resource
 *    tabular;
 * 3. every resource's rows read through its table schema: the header against the fields, each cell
 *    cast to its field's type (integer, number, date...), constraints (required, unique primary
 *    key) and foreign keys between resources. Every error is collected, not only the first.
 *
 * The files are written to a temporary folder, which is removed afterwards.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { Package, validate } from "datapackage";

const require = createRequire(__filename);

export type PackageValidation = {
  /** Every problem found, each naming where; empty when the package is valid. */
  errors: string[];
  /** Each resource's rows as the validator cast them (header excluded), by resource name. */
  rows: Record<string, unknown[][]>;
};

/** The JSON Schema of a registered Data Package profile, read from the installed library. */
async function profileSchema(name: string): Promise<Record<string, unknown>> {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a registered profile name: ${name}`);
  const file = require.resolve(`datapackage/lib/profiles/${name}.json`);
  return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
}

const messages = (errors: readonly Error[]) => errors.map((e) => e.message);

/** `files`: path inside the package (with `datapackage.json`) → content. */
export async function validateDataPackage(files: Record<string, string | Uint8Array>): Promise<PackageValidation> {
  const descriptorText = files["datapackage.json"];
  if (descriptorText === undefined) return { errors: ["no datapackage.json"], rows: {} };
  const descriptor = JSON.parse(typeof descriptorText === "string" ? descriptorText : Buffer.from(descriptorText).toString("utf8")) as Record<string, unknown>;
  const errors: string[] = [];
  const rows: Record<string, unknown[][]> = {};

  const profile = typeof descriptor.profile === "string" ? descriptor.profile : "data-package";
  if (profile !== "tabular-data-package") errors.push(`profile: ${profile}, not tabular-data-package`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The profiles use "textarea" as a hint for form builders, not as a constraint.
  ajv.addFormat("textarea", true);
  const schemaCheck = ajv.compile(await profileSchema(profile));
  if (!schemaCheck(descriptor)) errors.push(...(schemaCheck.errors ?? []).map((e) => `descriptor (ajv): ${e.instancePath || "/"} ${e.message}`));
  const own = await validate(descriptor);
  if (!own.valid) errors.push(...messages(own.errors).map((m) => `descriptor: ${m}`));

  const dir = await mkdtemp(path.join(os.tmpdir(), "attest-datapackage-"));
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = path.resolve(dir, name);
      if (!target.startsWith(`${dir}${path.sep}`)) throw new Error(`a path outside the package: ${name}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const pkg = await Package.load(path.join(dir, "datapackage.json"));
    if (!pkg.valid) errors.push(...messages(pkg.errors).map((m) => `package: ${m}`));
    for (const resource of pkg.resources) {
      const where = `resource ${resource.name}`;
      if (!resource.valid) errors.push(...messages(resource.errors).map((m) => `${where}: ${m}`));
      if (!resource.tabular) {
        errors.push(`${where}: not tabular`);
        continue;
      }
      try {
        const read = await resource.read({ cast: true, forceCast: true, relations: true });
        rows[resource.name] = [];
        read.forEach((row, i) => {
          if (row instanceof Error) {
            const detail = row.errors?.length ? messages(row.errors) : [row.message];
            errors.push(...detail.map((m) => `${where}, row ${i + 2}: ${m}`));
          } else rows[resource.name].push(row);
        });
      } catch (e) {
        errors.push(`${where}: ${(e as Error).message}${(e as { errors?: Error[] }).errors?.length ? `: ${messages((e as { errors: Error[] }).errors).join("; ")}` : ""}`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { errors, rows };
}
