export * from './rules';
export { workspaceSsoDraftOf, workspaceSsoTarget } from './target';
