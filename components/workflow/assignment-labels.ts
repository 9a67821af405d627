/** How assignment states read on pages (the states themselves are listed in lib/services/assignments.ts). */
import type { AssignmentState } from "@/lib/services/assignments";

export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
};
