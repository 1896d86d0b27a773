/**
 * The AADSTS catalog: the compact table of every known code joined with the full entries, looked up
 * by code and searched by code, name or words.
 */
import { COMPACT_ROWS } from './catalog-compact';
import { FULL_ENTRIES, FULL_MORE, type FullEntry } from './catalog-full';
import { groupOf } from './groups';
import type { CatalogEntry, FindingKind } from './schema';
import { defaultSource } from './sources';

export type { FullEntry } from './catalog-full';

/** One code as the catalog knows it. */
export interface CatalogRecord {
  code: number | string;
  kind: FindingKind;
  name: string;
  meaning: string;
  full: FullEntry | undefined;
  /** The catalog group ("Conditional Access"), or null (Graph, IDX). */
  group: string | null;
  /** Where the detailed entry's facts come from; null without a detailed entry. */
  source: string | null;
}

/** The kind of a code: numbers are AADSTS, IDXnnnnn is IdentityModel, other strings are Graph. */
export function kindOfCode(code: number | string): FindingKind {
  if (typeof code === 'number') return 'aadsts';
  return /^IDX\d{5}$/.test(code) ? 'identitymodel' : 'graph';
}

/** The key a code is stored under: the number as text, or the string code. */
export function catalogKey(code: number | string): string {
  return typeof code === 'number' ? String(code) : code;
}

/** "InvalidResourceServicePrincipalNotFound" -> "Invalid resource service principal not found". */
export function humanizeName(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/);
  return words.map((w, i) => (i === 0 ? w : /^[A-Z]{2,}/.test(w) ? w : w.toLowerCase())).join(' ');
}

/** Every detailed entry: the setup's own codes, then the other common codes. */
export const ALL_FULL_ENTRIES: readonly FullEntry[] = [...FULL_ENTRIES, ...FULL_MORE];

const fullByKey = new Map<string, FullEntry>(ALL_FULL_ENTRIES.map((e) => [catalogKey(e.code), e]));

const RECORDS: readonly CatalogRecord[] = COMPACT_ROWS.map(([code, name, meaning]) => {
  const full = fullByKey.get(catalogKey(code));
  return { code, kind: kindOfCode(code), name, meaning, full, group: groupOf(code)?.label ?? null, source: full ? (full.source ?? defaultSource(code)) : null };
});

const byKey = new Map<string, CatalogRecord>(RECORDS.map((r) => [catalogKey(r.code), r]));

/** Every record, compact table order. */
export function allCatalogRecords(): readonly CatalogRecord[] {
  return RECORDS;
}

/** The record for a code (50011, "50011", "AADSTS50011", "Authorization_RequestDenied"), if the catalog has it. */
export function lookupCode(code: number | string): CatalogRecord | undefined {
  if (typeof code === 'number') return byKey.get(String(code));
  const trimmed = code.trim();
  const numeric = /^(?:AADSTS)?\s*(\d{1,8})$/i.exec(trimmed);
  return numeric ? byKey.get(String(Number(numeric[1]))) : byKey.get(trimmed);
}

/** How many codes the catalog holds: every code (compact) and those with a full entry. */
export function catalogSize(): { compact: number; full: number } {
  return { compact: RECORDS.length, full: RECORDS.filter((r) => r.full).length };
}

/** The plain-language title of a code: the full entry's, or the name in words. */
export function recordTitle(record: CatalogRecord): string {
  return record.full?.title ?? humanizeName(record.name);
}

function toEntry(r: CatalogRecord): CatalogEntry {
  return { code: r.code, kind: r.kind, name: r.name, meaning: r.meaning, detailed: r.full !== undefined, title: recordTitle(r) };
}

const haystacks = new Map<CatalogRecord, string>(
  RECORDS.map((r) => [
    r,
    [catalogKey(r.code), r.name, humanizeName(r.name), r.meaning, r.group ?? '', r.full?.title ?? '', r.full?.explanation ?? '', ...(r.full?.tags ?? [])]
      .join(' ')
      .toLowerCase(),
  ]),
);

/**
 * Catalog entries matching `query`: a code or its start ("AADSTS500", "7000"), a name, or words
 * (all must appear). Best matches first; an empty query lists everything.
 */
export function searchCatalog(query: string, limit = 500): CatalogEntry[] {
  const q = (typeof query === 'string' ? query : '').trim().toLowerCase().slice(0, 200);
  if (q === '') return RECORDS.slice(0, limit).map(toEntry);
  const digits = /^(?:aadsts)?\s*(\d{1,8})$/.exec(q);
  const scored: { r: CatalogRecord; score: number }[] = [];
  if (digits?.[1]) {
    const d = digits[1];
    for (const r of RECORDS) {
      if (r.kind !== 'aadsts') continue;
      const k = catalogKey(r.code);
      if (k === d) scored.push({ r, score: 0 });
      else if (k.startsWith(d)) scored.push({ r, score: 1 + k.length });
    }
  } else {
    const words = q.split(/\s+/).filter(Boolean);
    for (const r of RECORDS) {
      const hay = haystacks.get(r) ?? '';
      if (!words.every((w) => hay.includes(w))) continue;
      const name = r.name.toLowerCase();
      const title = recordTitle(r).toLowerCase();
      const tagged = (r.full?.tags ?? []).some((t) => t === q || t.includes(q));
      const score = name === q ? 0 : r.full && (tagged || title.includes(q)) ? 1 : name.includes(q) ? 2 : r.full ? 3 : 4;
      scored.push({ r, score });
    }
  }
  scored.sort((a, b) => a.score - b.score || Number(b.r.full !== undefined) - Number(a.r.full !== undefined));
  return scored.slice(0, limit).map((s) => toEntry(s.r));
}
