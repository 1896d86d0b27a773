export * from './rules';
export { authentikDraftOf, authentikTarget } from './target';
