/** Registration audit (docs/ARCHITECTURE.md, "Registration audit"): Graph sign-in, Graph reads, rules, the service and the expiry feed. */
export { AuditService, AUDIT_EXTENSION, type AuditServiceOptions, type AuditState } from './audit-service';
export { runAudit, type RunAuditInput } from './audit-runner';
export { evaluateSnapshot, type AuditTarget, type RuleOptions } from './rules';
export { readSnapshot, consentInstruction, type GraphSnapshot, type GraphRead } from './graph-reader';
export {
  browserTokenSource,
  driverTokenSource,
  cachedTokenSource,
  graphClientName,
  graphScopes,
  signInFix,
  GraphSignInError,
  DRIVER_REDIRECT_URI,
  type GraphToken,
  type GraphTokenRequest,
  type GraphTokenSource,
} from './token-source';
export { graphSecretSource, type LastAuditReader } from './expiry-source';
