export * from './rules';
export { octopusTarget } from './target';
