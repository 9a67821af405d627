"use client";
/** Runs one record action: busy state, the error message to show, and a refresh on success. */
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";

export function useRecordAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function run<T>(call: () => Promise<ActionResult<T>>, after?: (data: T) => void): Promise<boolean> {
    setBusy(true);
    setError("");
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    if (after) after(result.data);
    else router.refresh();
    return true;
  }
  return { busy, error, run, router };
}
