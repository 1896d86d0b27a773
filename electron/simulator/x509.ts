/**
 * @peculiar/x509, loaded after the Reflect metadata polyfill its dependency injection (tsyringe)
 * needs (see the library's README, "Reflect Polyfill Required"). Import x509 from here only.
 */
import 'reflect-metadata';

export * from '@peculiar/x509';
