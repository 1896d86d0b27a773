/** Expiry watch: sources, the service, the rotation guide and the notifier. */
export { ExpiryService, type ExpiryServiceOptions } from './expiry-service';
export { RotationService, previousSecretId, DEFAULT_OVERLAP_DAYS, type RotationServiceOptions, type SecretProver } from './rotation-service';
export { ExpiryNotifier, realScheduler, DAY_MS, type NotificationPort, type Scheduler, type SentNotification, type ExpiryNotifierOptions } from './expiry-notifier';
export { createMetadataReader, type MetadataReader, type MetadataResult, type NetworkResolver } from './metadata-reader';
export { federationMetadataSource, mergeItems, targetOfProfile, typedSecretSource, type ExpirySourceProvider, type ExpiryTarget, type CollectOptions } from './sources';
export { EXPIRY_EXTENSION, readExpiryState, updateExpiryState, type ExpiryExtension } from './expiry-state';
