/**
 * The detailed catalog entries: data, in two files read through one schema.
 *
 * - catalog-setup.json: the codes federation setups really hit, written for THIS setup: an
 *   Octopus-style ITSM product with a SAML-OpenID app registration, an API app registration with a
 *   client secret, and the Octopus Web URL as the redirect URI. Causes are ranked most likely first.
 * - catalog-more.json: the common codes outside the setup's own path (the rest of the sign-in,
 *   consent, credential, Conditional Access, MFA, federation, B2B, redirect, token and tenant groups,
 *   groups.ts). Causes are ranked for any client, most likely first.
 *
 * Facts come from Microsoft Learn's AADSTS reference unless `source` names another page (sources.ts
 * picks the reference or Microsoft's lookup page for the code); fixes name the admin-center path or
 * the command. Each file is a list of sections ({section, entries}), in the order an editor reads them.
 *
 * Text may hold two kinds of names in braces:
 * - `${NAME}`: an admin-center path or a step many entries share (CATALOG_TEXT below), put in when
 *   the catalog loads, so that a path Microsoft renames is changed in one place;
 * - {API app}, {SAML-OpenID app}, {tenant}, {Web URL}, {cloud}: filled in from the selected
 *   profile when a code is diagnosed (or generic words without one).
 */
import { z } from 'zod';
import { CLIENT_FAMILIES } from './clients';
import { LINK_KEYS } from './links';
import setupSections from './catalog-setup.json';
import moreSections from './catalog-more.json';

/** Placeholders the text may contain, filled in from the profile. */
export const PLACEHOLDERS = ['{API app}', '{SAML-OpenID app}', '{tenant}', '{Web URL}', '{cloud}'] as const;

const AC = 'Entra admin center';
const APPREG = `${AC} > Identity > Applications > App registrations`;
const ENTERPRISE = `${AC} > Identity > Applications > Enterprise applications`;
const SIGNINS = `${AC} > Identity > Monitoring & health > Sign-in logs`;
const USERS = `${AC} > Identity > Users > All users`;

/** What `${NAME}` stands for in the catalog's text. */
export const CATALOG_TEXT: Readonly<Record<string, string>> = {
  AC,
  APPREG,
  ENTERPRISE,
  SIGNINS,
  USERS,
  CA: `${AC} > Protection > Conditional Access > Policies`,
  OVERVIEW: `${AC} > Identity > Overview`,
  PROTECTION: `${AC} > Protection`,
  EXTERNAL_IDENTITIES: `${AC} > Identity > External Identities`,
  API_PERMISSIONS: `${APPREG} > the app > API permissions`,
  SAML_SSO: `${ENTERPRISE} > the app > Single sign-on`,
  CA_TROUBLESHOOTING: 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access',
  SECURITY_INFO: 'https://aka.ms/mysecurityinfo',
  SIGNIN_LOG_STEP: `Open ${SIGNINS}, filter by the Correlation ID above, and read the Failure reason and the Conditional Access tab of the failed sign-in.`,
  RETRY_STEP: 'Sign in again (or run Check compatibility) to confirm the fix; Entra changes can take a few minutes to apply.',
  RESET_PASSWORD_STEP: `Open ${USERS} > the user > Reset password, or have the user reset it themselves at https://aka.ms/sspr if self-service password reset is on.`,
  // The federated IdP's own problem: Entra can only pass on what the IdP sent.
  IDP_STEP: 'Check the federated identity provider (AD FS, a third-party IdP): its event log for this request, its token-signing certificate, and the claims it issues.',
  IDP_SUPPORT_STEP: 'If the IdP looks healthy, open a support case with Microsoft quoting the Correlation ID and Timestamp.',
};

const NAME_RE = /\$\{(\w+)\}/g;

/** The `${NAME}`s a text uses that CATALOG_TEXT does not know. */
export function unknownNames(text: string): string[] {
  return [...text.matchAll(NAME_RE)].map((m) => m[0]).filter((whole) => CATALOG_TEXT[whole.slice(2, -1)] === undefined);
}

/** A sentence of the catalog: not empty, and every `${NAME}` in it one CATALOG_TEXT knows. */
const Text = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const whole of unknownNames(text)) ctx.addIssue({ code: 'custom', message: `unknown name ${whole}` });
  });

export const FullEntrySchema = z.strictObject({
  /** The AADSTS number, or the Graph or IdentityModel string code. */
  code: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  /** Plain-language title ("Redirect URI mismatch"). */
  title: Text,
  /** What happened, in plain words. */
  explanation: Text,
  /** Ranked for this setup, most likely first. */
  causes: z.array(Text),
  /** Steps, each with the exact admin-center path where one applies. */
  fix: z.array(Text),
  links: z.array(z.enum(LINK_KEYS)),
  /** Extra words the catalog search should find this entry by. */
  tags: z.array(z.string().min(1)).optional(),
  /**
   * Where the facts come from: a Microsoft Learn page, or Microsoft's lookup page for the code.
   * Without one, the catalog names Microsoft Learn's AADSTS reference when it lists the code, else
   * the lookup page (sources.ts).
   */
  source: Text.optional(),
  /**
   * Causes when the text comes from another app than the Octopus setup (Azure CLI, a console app,
   * a daemon, a single-page app), most likely first. Without them, the causes that do not name the
   * Octopus setup are used.
   */
  elsewhere: z.array(Text).optional(),
  /** Causes for one kind of client, put first when the text comes from such a client. */
  forClient: z.partialRecord(z.enum(CLIENT_FAMILIES), z.array(Text)).optional(),
  /** The explanation in words that fit any app, when `explanation` speaks of the Octopus setup. */
  explanationElsewhere: Text.optional(),
});
export type FullEntry = z.infer<typeof FullEntrySchema>;

/** A catalog file: its sections, in the order an editor reads them. */
export const CatalogFileSchema = z.array(z.strictObject({ section: z.string().min(1), entries: z.array(FullEntrySchema) }));
type CatalogFile = z.infer<typeof CatalogFileSchema>;

/** Every string of a value with its `${NAME}`s put in (codes, link keys and tags hold none). */
function withNames<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NAME_RE, (whole, name: string) => CATALOG_TEXT[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map(withNames) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNames(v)])) as T;
  return value;
}

/*
 * The files ship inside the app and the CLI, so no user can change them: tests/unit/aadsts/catalog.test.ts
 * holds each of them to CatalogFileSchema, rather than every start (zod's first parse of 194 entries
 * costs the CLI's cold start about 40 ms, "Diagnose" in docs/ARCHITECTURE.md).
 */
const entriesOf = (file: CatalogFile): readonly FullEntry[] => file.flatMap((s) => s.entries.map(withNames));

/** The setup's own codes (catalog-setup.json). */
export const FULL_ENTRIES: readonly FullEntry[] = entriesOf(setupSections as CatalogFile);
/** The other common codes (catalog-more.json). */
export const FULL_MORE: readonly FullEntry[] = entriesOf(moreSections as CatalogFile);

/** The two files as they are written, for the test that holds them to the schema. */
export const CATALOG_FILES: Readonly<Record<string, unknown>> = { 'catalog-setup.json': setupSections, 'catalog-more.json': moreSections };
