export * from './rules';
export { theThingsStackTarget, ttsDraftOf } from './target';
