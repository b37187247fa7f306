// libphonenumber-js, reached only through a require in formatNumber.ts: the bundler then initialises it
// (two thirds of the bundle, mostly metadata) on the first number shown instead of at activation.
export { parsePhoneNumberFromString } from 'libphonenumber-js/min';
