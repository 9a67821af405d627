/**
 * Types for the parts of the Frictionless Data JavaScript libraries (`datapackage`, which reads and
 * validates packages, and `tableschema`, which it reads tables with) that the tests call. The
 * libraries ship no types of their own.
 */
declare module "datapackage" {
  /** A row read with `forceCast`: the cast cells, or the error that row raised. */
  type ReadRow = unknown[] | (Error & { errors?: Error[] });

  export class Resource {
    readonly name: string;
    readonly tabular: boolean;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly descriptor: Record<string, unknown>;
    read(options?: { keyed?: boolean; extended?: boolean; cast?: boolean; forceCast?: boolean; relations?: boolean; limit?: number }): Promise<ReadRow[]>;
  }

  export class Package {
    static load(descriptor: string | Record<string, unknown>, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly profile: { name: string };
    readonly descriptor: Record<string, unknown>;
    readonly resourceNames: string[];
    readonly resources: Resource[];
    getResource(name: string): Resource | null;
  }

  export function validate(descriptor: string | Record<string, unknown>, options?: { basePath?: string }): Promise<{ valid: boolean; errors: Error[] }>;
}
