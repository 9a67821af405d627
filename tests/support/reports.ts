/** Two reports of the Kabul airport bombing (26 August 2021) that disagree on the toll, for record tests. */
export const REPORT_A =
  "Kabul, 27 August 2021. A suicide bombing at Hamid Karzai International Airport on 26 August 2021 killed at least 170 people, " +
  "Afghan health officials said. ISIS-K said it carried out the attack on the crowds waiting at the gates.";
export const REPORT_B =
  "Washington, 15 September 2021. The Pentagon said the Islamic State Khorasan Province bombing at Kabul airport on " +
  "August 26, 2021 killed 183 people, among them 13 US service members, in one of the deadliest days of the evacuation.";

/** The place both reports name, as a stored location value. */
export const KABUL = { raw: "Kabul airport", country: "AFG", admin1: "Kabul" };
