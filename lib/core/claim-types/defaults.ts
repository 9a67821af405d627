/**
 * The shipped claim types (claims.md "Default claim types"): attack, leader change, size
 * estimate, plus `deriveSizeBin` for the size estimate's derived bin (Jones & Libicki's bins).
 *
 * Required fields are kept to the minimum that makes a claim meaningful (a size estimate needs
 * a group and a figure; a leader change needs a group). Everything else may be missing from a
 * given document and is filled in during reconciliation, so it is optional.
 * Colours are the palette's first three: apart in colour-blind vision too (lib/core/color/palette.ts).
 * Invariant: every definition here passes ClaimTypeDefinitionSchema (tested).
 */
import type { Quantity } from "@/lib/core/values";
import { TYPE_PALETTE } from "@/lib/core/color/palette";
import type { ClaimTypeDefinition, EnumOption, FieldDefinition } from "./definition";

const opts = (pairs: [string, string][]): EnumOption[] => pairs.map(([value, label]) => ({ value, label }));
const field = (key: string, label: string, kind: FieldDefinition["kind"], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key, label, kind, required: false, ...extra,
});
const ATTRIBUTION = field("attribution", "Attribution", "attribution", { help: "Whom the document cites for this, and how it presents it." });

export const ATTACK: ClaimTypeDefinition = {
  key: "attack",
  name: "Attack",
  color: TYPE_PALETTE[0],
  description: "One attack as a document reports it.",
  fields: [
    field("date", "Date", "date"),
    field("location", "Location", "place"),
    field("perpetrators", "Perpetrators", "actor", { many: true }),
    field("target", "Target", "text"),
    field("target_type", "Target type", "enum", {
      maxSelected: 1,
      options: opts([
        ["military", "Military"], ["police", "Police"], ["government", "Government"], ["civilians", "Civilians"],
        ["religious", "Religious figures/institutions"], ["minority", "Ethnic/religious minority"],
        ["foreigners", "Foreigners"], ["infrastructure", "Infrastructure"], ["other", "Other"],
      ]),
    }),
    field("attack_type", "Attack type", "enum", {
      maxSelected: 3,
      options: opts([
        ["suicide_bombing", "Suicide bombing"], ["bombing_ied", "Bombing/IED"], ["armed_assault", "Armed assault"],
        ["indirect_fire", "Rocket/missile/indirect fire"], ["assassination", "Assassination"],
        ["raid_prison_break", "Raid/prison break"], ["kidnapping", "Kidnapping"], ["other", "Other"],
      ]),
    }),
    field("weapon", "Weapon", "text"),
    field("fatalities", "Fatalities", "quantity", { help: "Deaths only: \"casualties\" or \"wounded\" are not fatalities." }),
    field("perpetrator_fatalities", "Perpetrator fatalities", "quantity"),
    field("injured", "Injured", "quantity"),
    field("claimed_by_group", "Claimed by group", "boolean"),
    field("campaign", "Part of a named campaign", "text"),
    ATTRIBUTION,
  ],
};

export const LEADER_CHANGE: ClaimTypeDefinition = {
  key: "leader_change",
  name: "Leader change",
  color: TYPE_PALETTE[1],
  description: "A change of leader (or deputy, spokesman, provincial emir) in a group.",
  fields: [
    field("group", "Group", "actor", { required: true }),
    field("position", "Position", "enum", {
      maxSelected: 1,
      options: opts([["emir", "Emir/leader"], ["deputy", "Deputy"], ["spokesman", "Spokesman"], ["provincial_emir", "Provincial emir"], ["other", "Other"]]),
    }),
    field("outgoing_leader", "Outgoing leader", "actor"),
    field("incoming_leader", "Incoming leader", "actor"),
    field("change_type", "Change type", "enum", {
      maxSelected: 1,
      options: opts([
        ["appointed", "Appointed"], ["killed_by_state", "Killed by state forces"], ["killed_by_rival", "Killed by rival"],
        ["captured", "Captured/arrested"], ["surrendered", "Surrendered"], ["dismissed", "Dismissed"],
        ["resigned", "Resigned"], ["defected", "Defected"], ["died", "Died"], ["unknown", "Unknown"],
      ]),
    }),
    field("date_of_change", "Date of change", "date"),
    field("date_announced", "Date announced", "date"),
    ATTRIBUTION,
  ],
};

export const SIZE_BINS = ["0-99", "100-999", "1,000-9,999", "10,000+"] as const;
export type SizeBin = (typeof SIZE_BINS)[number];

export const SIZE_ESTIMATE: ClaimTypeDefinition = {
  key: "size_estimate",
  name: "Size estimate",
  color: TYPE_PALETTE[2],
  description: "An estimate of a group's size (or one component of it) at a given time.",
  fields: [
    field("group", "Group", "actor", { required: true }),
    field("component", "Component", "enum", {
      maxSelected: 1,
      options: opts([
        ["fighters", "Fighters"], ["members", "Members"], ["fighters_and_support", "Fighters and support elements"],
        ["foreign_fighters", "Foreign fighters"], ["prisoners", "Prisoners"], ["other", "Other"],
      ]),
    }),
    field("estimate", "Estimate", "quantity", { required: true, unitRequired: true, defaultUnit: "fighters" }),
    field("reference_date", "Reference date", "date", { help: "When the estimate applies, not when it was published." }),
    field("estimator", "Estimator", "attribution", { help: "Who made the estimate, e.g. United States Department of Defense." }),
    field("scope", "Scope", "place"),
    field("size_bin", "Size bin", "enum", {
      maxSelected: 1,
      derived: true,
      options: SIZE_BINS.map((b) => ({ value: b, label: b })),
      help: "Derived from the estimate when its low and high fall in one bin.",
    }),
  ],
};

export const DEFAULT_CLAIM_TYPES: ClaimTypeDefinition[] = [ATTACK, LEADER_CHANGE, SIZE_ESTIMATE];

/** Lower edges of the size bins, ascending, matching SIZE_BINS. */
const BIN_FLOORS = [0, 100, 1000, 10_000];

function binOf(n: number): SizeBin {
  let i = BIN_FLOORS.length - 1;
  while (n < BIN_FLOORS[i]) i--;
  return SIZE_BINS[i];
}

/** The size bin when low and high are both known and fall in one bin; otherwise null. */
export function deriveSizeBin(q: Quantity): SizeBin | null {
  if (q.low === null || q.high === null || q.low < 0 || q.high < q.low) return null;
  const lo = binOf(q.low);
  return lo === binOf(q.high) ? lo : null;
}
