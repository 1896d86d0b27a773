/**
 * The catalog's groups: what an AADSTS code is about, as an admin would file it. The first ten are
 * the codes people meet most (sign-in, consent, credentials, Conditional Access, MFA, federation,
 * B2B guests, redirect URIs, tokens, tenants): every code in them has a detailed entry with a
 * source (tests/unit/aadsts/catalog.test.ts holds the catalog to that). The others hold codes of
 * narrower features (Seamless SSO, pass-through authentication, password change, device
 * registration, claims mapping, protocol details, service faults).
 */

export const GROUPS = [
  { id: 'sign-in', label: 'Sign-in and account', detailed: true },
  { id: 'consent', label: 'Consent and permissions', detailed: true },
  { id: 'credential', label: 'App credentials', detailed: true },
  { id: 'conditional-access', label: 'Conditional Access', detailed: true },
  { id: 'mfa', label: 'MFA', detailed: true },
  { id: 'federation', label: 'Federation and SAML', detailed: true },
  { id: 'b2b', label: 'B2B guests and other tenants', detailed: true },
  { id: 'redirect', label: 'Redirect URIs', detailed: true },
  { id: 'token', label: 'Tokens and grants', detailed: true },
  { id: 'tenant', label: 'Tenants, apps and endpoints', detailed: true },
  { id: 'protocol', label: 'Protocol and request details', detailed: false },
  { id: 'device', label: 'Devices and Windows Hello', detailed: false },
  { id: 'seamless-sso', label: 'Seamless SSO (Kerberos)', detailed: false },
  { id: 'pass-through', label: 'Pass-through authentication', detailed: false },
  { id: 'password-change', label: 'Password change and reset', detailed: false },
  { id: 'claims', label: 'Claims mapping', detailed: false },
  { id: 'service', label: 'Service faults and throttling', detailed: false },
] as const;
export type GroupId = (typeof GROUPS)[number]['id'];

/** The codes of each group. A code is in one group at most. */
export const GROUP_CODES: Readonly<Record<GroupId, readonly number[]>> = {
  'sign-in': [50034, 50053, 50055, 50056, 50057, 50058, 50126, 50125, 50144, 50140, 50199, 16001, 165000, 50196, 50064, 50135, 50142, 50105, 50132, 50133, 1000031],
  consent: [65001, 650059, 65002, 65004, 65005, 650051, 650052, 650053, 650054, 650056, 650057, 90094, 90095, 90008, 90099, 500011, 500014, 50001, 70011, 28002, 28003, 700022, 700023, 901002, 9002341],
  credential: [7000215, 7000222, 7000218, 700025, 700027, 70002, 50012, 700024, 700030, 50048, 700211, 700229, 50017, 50032],
  'conditional-access': [53000, 53001, 53002, 53003, 530002, 530003, 530004, 530032, 530033, 530034, 530035, 50005, 50131, 53011, 50097, 50129, 70043],
  mfa: [50072, 50074, 50076, 50078, 50079, 50158, 53004, 53010, 50088],
  federation: [
    20001, 20012, 20033, 40008, 40009, 40010, 40015, 50008, 5000819, 50107, 90081, 90082, 90085, 90086, 90087, 90020, 399284, 5001256, 90123, 50003, 50010, 75005,
    7500514, 750054, 75008, 75011, 75016, 76021, 76026, 7500529, 501241, 50146, 900236,
  ],
  b2b: [50020, 50014, 16000, 16003, 51004, 90072, 500212, 500213, 500571, 500141, 90084, 1000104, 500207, 500208],
  redirect: [50011, 500112, 500113, 500116, 500117, 70004, 900971, 90102, 9002325, 9002326, 9002327],
  token: [70000, 70008, 700082, 700084, 54005, 50013, 500133, 50027, 50089, 50173, 700005, 70003, 70005, 700051, 700054, 70007, 900384, 240002, 700020, 7000114],
  tenant: [90002, 900021, 900023, 50128, 50059, 90038, 90124, 90130, 9001023, 50194, 700016, 700011, 70001, 7000112, 50002, 500021, 500022, 9002331, 9002332, 5000224],
  protocol: [
    50169, 90004, 90005, 90007, 90009, 90010, 90011, 90013, 90014, 900144, 90015, 90016, 90019, 90022, 90023, 9002313, 90027, 90043, 900432, 900382, 90051, 90056, 900561, 90100,
    90101, 90107, 90112, 90114, 90117, 90119, 90120, 90121, 90125, 90126, 50147, 50148, 501481, 50149, 501491, 50150, 70016, 70018, 70019, 50134, 50049, 50050, 50029, 50061,
    50068, 50070, 50071, 51001, 51005, 75001, 75003, 50164, 50165, 50167, 50171, 500201, 100007, 230109, 140000, 140001, 165004, 165900, 50098, 50120, 501461, 50042, 50043,
    67003, 50136, 50139, 50143, 50085, 1000000, 1000002, 50160, 50157, 50006, 50007, 52004, 50015, 54000, 50197, 160021, 16002, 17003, 51000,
  ],
  device: [50155, 50187, 50127, 50168, 50099, 130004, 130005, 130006, 130007, 130008, 135010, 135011, 220450, 221000, 240001, 50156, 50141, 50138, 220501, 50192],
  'seamless-sso': [81004, 81005, 81006, 81007, 81009, 81010, 81011, 81012, 81016, 50180, 51006],
  'pass-through': [80001, 80002, 80005, 80007, 80010, 80012, 80013, 80014, 50177, 50178],
  'password-change': [120000, 120002, 120003, 120004, 120005, 120008, 120011, 120012, 120013, 120014, 120015, 120016, 120018, 120020, 120021, 50137],
  claims: [50100, 50101, 50102, 50103, 50108, 50109, 50111, 50117, 50123, 50124, 501621, 50162, 50163, 50130, 50159, 50161, 50166, 50170, 50172, 50176, 901011, 901012, 901014],
  service: [50000, 50033, 50086, 50087, 90006, 90012, 90024, 90033, 90036, 90055, 90090, 90091, 90092, 90093, 70012],
};

const groupByCode = new Map<number, (typeof GROUPS)[number]>();
for (const g of GROUPS) for (const c of GROUP_CODES[g.id]) if (!groupByCode.has(c)) groupByCode.set(c, g);

/** The group of a code, or undefined (Graph and IDX codes, uncatalogued numbers). */
export function groupOf(code: number | string): (typeof GROUPS)[number] | undefined {
  return typeof code === 'number' ? groupByCode.get(code) : undefined;
}

/** Every code in the groups whose codes all have a detailed entry. */
export function codesNeedingDetail(): number[] {
  return GROUPS.filter((g) => g.detailed).flatMap((g) => GROUP_CODES[g.id]);
}
