// The bounded zip reader is the lists lib's (libs/lists/src/sheets); its cap on parts, for the tests.
export { MAX_ZIP_ENTRIES } from '@jineng/lists';
