/**
 * Codes met together in one story. A sign-in log often records a harmless code (a silent sign-in
 * with no session, a confirmation prompt) next to the one that really failed; reading them as two
 * problems sends the admin after the wrong one. Each note says how the codes relate and which one
 * to act on, from Microsoft Learn's description of each code.
 */
import { ERROR_REFERENCE_URL } from './links';

export interface RelatedRule {
  /** The code that explains the others' context (acted on second, or not at all). */
  code: number;
  /** Any of these next to it makes the note apply; the first one found is the one to act on. */
  with: readonly number[];
  note: (other: number) => string;
  source: string;
}

export interface RelatedNote {
  codes: number[];
  actOn: number;
  note: string;
  source: string;
}

const CA_TROUBLESHOOTING_URL = 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access';

export const RELATED_RULES: readonly RelatedRule[] = [
  {
    code: 50058,
    with: [50020, 50076, 50079, 50074, 53003, 53000, 50105, 65001, 50126, 50034, 50053, 700016, 50011, 530033],
    note: (o) =>
      `AADSTS50058 only says that a silent sign-in (prompt=none, or single sign-on) found no signed-in session; the app then shows the sign-in page, which is expected. The sign-in that followed failed with AADSTS${o}: act on AADSTS${o}.`,
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 50199,
    with: [53003, 53000, 530002, 50076, 50079, 50105, 65001],
    note: (o) =>
      `AADSTS50199 is the prompt that asks the user to confirm the app they are signing in to (shown for redirects in mobile browsers and system web views); it is not a failure. The sign-in was then stopped by AADSTS${o}: act on AADSTS${o}.`,
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 50140,
    with: [53003, 53000, 50076, 50079, 50105, 65001, 50126, 50053],
    note: (o) =>
      `AADSTS50140 is the "Stay signed in?" question, an expected step of sign-in, not a failure. Act on AADSTS${o}, the code that stopped the sign-in.`,
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 50076,
    with: [50079, 53004],
    note: (o) =>
      `AADSTS50076 asks for multifactor authentication; AADSTS${o} says the user cannot do it yet because they have not registered a method. Act on AADSTS${o} first: once the user registers (https://aka.ms/mysecurityinfo), the MFA prompt of AADSTS50076 can be answered.`,
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 50126,
    with: [50053],
    note: () =>
      'AADSTS50126 (wrong user name or password) repeated leads to AADSTS50053 (account locked by smart lockout). Act on AADSTS50053 first: find out in the sign-in log whether the attempts were the user\'s own (then wait for the lockout to end and have them reset the password) or an attack from an unknown IP address.',
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 65001,
    with: [90094, 90095, 90008],
    note: (o) =>
      `AADSTS65001 says consent is missing; AADSTS${o} says the user is not allowed to give it. Act on AADSTS${o}: an administrator grants consent for the organisation, which also resolves AADSTS65001.`,
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 7000215,
    with: [7000222],
    note: () =>
      'AADSTS7000222 (the secret has expired) and AADSTS7000215 (the secret sent is wrong) together usually mean an old, expired secret is still configured somewhere. Act on AADSTS7000222: create a new secret and put its Value everywhere the old one was used.',
    source: ERROR_REFERENCE_URL,
  },
  {
    code: 53003,
    with: [530033, 53000, 530002, 50097],
    note: (o) =>
      `AADSTS53003 is the general Conditional Access block; AADSTS${o} names the condition that was not met (the device's state). Act on AADSTS${o}, then read the Conditional Access tab of the sign-in log entry.`,
    source: CA_TROUBLESHOOTING_URL,
  },
];

/** The notes that apply to the codes found in one text, in rule order. */
export function relatedNotes(codes: readonly (number | string)[]): RelatedNote[] {
  const present = new Set(codes.filter((c): c is number => typeof c === 'number'));
  const notes: RelatedNote[] = [];
  for (const rule of RELATED_RULES) {
    if (!present.has(rule.code)) continue;
    const other = rule.with.find((c) => present.has(c));
    if (other === undefined) continue;
    notes.push({ codes: [rule.code, other], actOn: other, note: rule.note(other), source: rule.source });
  }
  return notes;
}
