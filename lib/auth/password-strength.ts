/**
 * How guessable a new password is, judged by zxcvbn-ts (pattern matching against its common-password,
 * English word and name dictionaries, keyboard walks, dates, repeats and l33t substitutions).
 * Server-side only: the dictionaries are megabytes, so they never reach the browser, and they are
 * loaded on the first sign-up rather than at start-up.
 */
import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** zxcvbn's scale: 3 = "safely unguessable" (about 10^10 guesses), the usual floor for accounts. */
const MIN_PASSWORD_SCORE = 3;
const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // Fuzzy dictionary matching costs about a second per check here, and the exact, reversed and
      // l33t matchers already catch the common passwords and their usual disguises.
      useLevenshteinDistance: false,
    });
  })();
  estimator.catch(() => (estimator = undefined)); // a failed load is retried on the next call
  return estimator;
}

/**
 * Returns why the password is too weak (the estimator's warning and suggestions, in plain words), or
 * null. `userInputs` (e-mail, name) count as known words, so a password built from them scores low.
 */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const result = (await loadEstimator()).check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ?? "This password is too easy to guess.";
  return [warning, ...result.feedback.suggestions].join(" ");
}
