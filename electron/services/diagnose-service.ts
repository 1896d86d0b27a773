/**
 * The diagnose channels' logic (docs/ARCHITECTURE.md, "Diagnose"): explain a pasted text, tailored to a stored profile, and
 * search the catalog. Plain Node, no Electron; the main process and the CLI build it with their ports.
 */
import { catalogSize, diagnose, searchCatalog } from '../../shared/aadsts';
import { DeskError } from '../../shared/ipc-core';
import type { CatalogSearchRequest, CatalogSearchResponse, DiagnoseTextRequest, Diagnosis } from '../../shared/ipc-diagnose';
import type { ProfileView } from '../../shared/profile';
import { isoDay, systemClock, type Clock } from './ports';
import { redact as defaultRedact } from './redact';

export interface DiagnoseServicePorts {
  /** The profile with this id, as the renderer sees it (secret as hint only), or undefined. */
  getProfile(id: string): ProfileView | undefined;
  clock?: Clock;
  /** Applied to the error text quoted back in each finding (a pasted log may carry a secret). */
  redact?: (text: string) => string;
}

export class DiagnoseService {
  private readonly ports: DiagnoseServicePorts;

  constructor(ports: DiagnoseServicePorts) {
    this.ports = ports;
  }

  /** `diagnose:text`: every error in the text; throws DeskError not-found for an unknown profile id. */
  diagnoseText(request: DiagnoseTextRequest): Diagnosis {
    let profile: ProfileView | undefined;
    if (request.profileId) {
      profile = this.ports.getProfile(request.profileId);
      if (!profile) throw new DeskError('not-found', 'That profile no longer exists. Pick another profile or none.');
    }
    const today = isoDay(this.ports.clock ?? systemClock);
    const result = diagnose(request.text, profile ? { profile, today } : { today });
    const clean = this.ports.redact ?? defaultRedact;
    return { ...result, findings: result.findings.map((f) => ({ ...f, message: f.message === null ? null : clean(f.message) })) };
  }

  /** `diagnose:catalog`: catalog entries matching a code, name or words. */
  searchCatalog(request: CatalogSearchRequest): CatalogSearchResponse {
    return { entries: searchCatalog(request.query), size: catalogSize() };
  }
}
