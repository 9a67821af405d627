/**
 * How long each of a document's metadata values may be: one table for the import cleaner (which
 * shortens what a file says), the service schema (which refuses what a person sends) and the form
 * inputs (which stop typing there), so a value the cleaner keeps is one the schema accepts.
 * Generous for real titles and names, small enough for a table cell and a log line.
 */
export const DOCUMENT_LIMITS = {
  /** characters in a title */
  title: 500,
  /** characters in one author's name */
  author: 200,
  /** names in the author list */
  authors: 50,
  publisher: 300,
  /** "YYYY-MM-DD" */
  published: 10,
  url: 2000,
  /** the longest BCP 47 tag in common use, with room for extensions */
  language: 35,
} as const;
