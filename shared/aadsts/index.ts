/** AADSTS diagnostics (docs/ARCHITECTURE.md, "Diagnose"): parser, catalog, diagnosis. Pure: no I/O. */
export { diagnose, findingKey, type DiagnoseContext } from './diagnose';
export { summarize } from './summary';
export { parseErrorText, normalizeErrorText, GRAPH_DISTINCT_CODES, GRAPH_GENERIC_CODES, type ParsedError } from './parser';
export { lookupCode, searchCatalog, catalogSize, allCatalogRecords, humanizeName, kindOfCode, catalogKey, recordTitle, type CatalogRecord, type FullEntry } from './catalog';
export { buildLink, buildLinks, lookupUrl, adminCenterUrl, LINK_KEYS, ERROR_REFERENCE_URL, type LinkKey, type LinkTarget } from './links';
export { contextNotes } from './context';
export * from './schema';
