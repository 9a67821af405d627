/** Boolean with unknown ("claimed by group: yes / no / unknown"), stored as a word. */
import { z } from "zod";

export const TRISTATE_VALUES = ["yes", "no", "unknown"] as const;
export const TristateSchema = z.enum(TRISTATE_VALUES);
