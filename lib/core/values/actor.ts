/**
 * The actor value: a group or person as written, optionally linked to the project's actor list
 * so that spellings ("IS-KP", "ISKP", "ISIS-K") resolve to one actor. The link is an id only;
 * whether it exists is the service's concern, not the value's.
 */
import { z } from "zod";

export const ActorSchema = z.strictObject({
  raw: z.string().trim().min(1, { error: "the name as written is needed" }).max(300),
  actorId: z.string().min(1).max(64).optional(),
});

