/**
 * Every integration target, one line each (docs/ARCHITECTURE.md, "Adding an integration target").
 * The app, the CLI and the probes find a target's rules, words and check plan here, never by
 * comparing target ids.
 */
import type { CheckId } from '../check';
import { authentikTarget } from './authentik/target';
import { octopusTarget } from './octopus/target';
import type { CheckWords, EntraSource, EntraValues, IntegrationTarget, PlannedCheck } from './target';
import { DEFAULT_TARGET, type TargetId } from './target-ids';
import { theThingsStackTarget } from './the-things-stack/target';
import { workspaceSsoTarget } from './workspace-sso/target';

export const TARGETS: Readonly<Record<TargetId, IntegrationTarget>> = {
  octopus: octopusTarget,
  'the-things-stack': theThingsStackTarget,
  authentik: authentikTarget,
  'workspace-sso': workspaceSsoTarget,
};

/** The target of a profile, a draft or a view (Octopus when none is named: records from before targets existed). */
export function integrationTarget(p: { target?: TargetId | undefined } | undefined): IntegrationTarget {
  return TARGETS[p?.target ?? DEFAULT_TARGET];
}

/** One check of the profile's target: its words, and the probe that runs or why none does. */
export function plannedCheck(p: { target?: TargetId | undefined } | undefined, id: CheckId): PlannedCheck {
  return integrationTarget(p).checks[id];
}

/** A check's title and what it proves, in the words of the profile's target. */
export function checkWords(p: { target?: TargetId | undefined } | undefined, id: CheckId): CheckWords {
  const { title, proves } = plannedCheck(p, id);
  return { title, proves };
}

/** The Entra values (client ID, SAML app, redirect URIs, allowed domains) of a profile. */
export function entraValues(p: EntraSource): EntraValues {
  return integrationTarget(p).entra(p);
}
