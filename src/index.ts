/** TRE Atlas: the public programming interface. */
export * from './errors.js';
export * as ns from './namespaces.js';
