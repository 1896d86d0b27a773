/**
 * summarize(): a diagnosis as the plain text a support person pastes into a ticket. Apart from
 * diagnose.ts so that the renderer, which gets its diagnosis from main, copies a summary without
 * loading the parser and the catalog.
 */
import type { Diagnosis } from './schema';

/**
 * Plain text for "copy summary": one block per finding with its IDs first (what Microsoft support
 * asks for), then what happened, causes, numbered fix steps and links.
 */
export function summarize(diagnosis: Diagnosis): string {
  const { findings } = diagnosis;
  if (findings.length === 0) return 'Federation Desk diagnosis: no AADSTS, Graph or IDX error code found in the text.\n';
  const lines: string[] = [`Federation Desk diagnosis: ${findings.length} error${findings.length === 1 ? '' : 's'} found`, `Causes ranked for ${diagnosis.rankedFor}.`, ''];
  findings.forEach((f, i) => {
    lines.push(`${i + 1}. ${f.title}${f.name && !f.title.includes(f.name) ? ` (${f.name})` : ''}`);
    if (f.traceId) lines.push(`   Trace ID: ${f.traceId}`);
    if (f.correlationId) lines.push(`   Correlation ID: ${f.correlationId}`);
    if (f.timestamp) lines.push(`   Timestamp: ${f.timestamp}`);
    if (f.oauthError) lines.push(`   OAuth error: ${f.oauthError}`);
    if (f.message) lines.push(`   Error text: ${f.message}`);
    lines.push(`   What happened: ${f.explanation}`);
    if (f.context.length > 0) {
      lines.push('   In this profile:');
      for (const c of f.context) lines.push(`   - ${c}`);
    }
    if (f.causes.length > 0) {
      lines.push('   Likely causes (most likely first):');
      for (const c of f.causes) lines.push(`   - ${c}`);
    }
    if (f.fix.length > 0) {
      lines.push('   Fix:');
      f.fix.forEach((s, n) => lines.push(`   ${n + 1}. ${s}`));
    }
    if (f.source) lines.push(`   Source: ${f.source}`);
    if (f.links.length > 0) {
      lines.push('   Links:');
      for (const l of f.links) lines.push(`   - ${l.label}: ${l.url}`);
    }
    lines.push('');
  });
  // After the findings, so that pasting the summary back finds the codes in the same order.
  for (const r of diagnosis.related) lines.push(`Codes found together: act on AADSTS${r.actOn} first. ${r.note}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
